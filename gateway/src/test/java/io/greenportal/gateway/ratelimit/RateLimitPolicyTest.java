package io.greenportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * The gateway's token buckets: how long a caller who emptied one waits (Retry-After), with the
 * policies of application.yml, and which bucket a request draws on.
 */
@Tag("unit")
class RateLimitPolicyTest {

    static final RateLimitPolicy AUTHENTICATED = new RateLimitPolicy(20, 40, 1);
    static final RateLimitPolicy ANONYMOUS = new RateLimitPolicy(10, 20, 1);
    /** Objection intake: 5 at once, then one every 2 minutes. */
    static final RateLimitPolicy OBJECTIONS = new RateLimitPolicy(1, 600, 120);
    /** Bank batch verification: 5 at once, then one every 2 s. */
    static final RateLimitPolicy BATCH_VERIFICATION = new RateLimitPolicy(1, 10, 2);

    @Test
    void theConfiguredPoliciesSayWhenToComeBack() {
        assertThat(AUTHENTICATED.retryAfterSeconds()).as("a fraction of a second is still one").isEqualTo(1);
        assertThat(ANONYMOUS.retryAfterSeconds()).isEqualTo(1);
        assertThat(OBJECTIONS.retryAfterSeconds()).isEqualTo(120);
        assertThat(BATCH_VERIFICATION.retryAfterSeconds()).isEqualTo(2);
        assertThat(OBJECTIONS.burstCapacity() / OBJECTIONS.requestedTokens()).as("objections at once").isEqualTo(5);
        assertThat(BATCH_VERIFICATION.burstCapacity() / BATCH_VERIFICATION.requestedTokens()).isEqualTo(5);
    }

    @ParameterizedTest(name = "rate {0}, cost {1}: {2} s")
    @CsvSource({"1, 60, 60", "3, 10, 4", "3, 9, 3", "5, 5, 1", "10, 1, 1", "1, 1, 1", "2, 3, 2"})
    void theWaitIsTheCostOverTheRateRoundedUp(int rate, int cost, long seconds) {
        assertThat(new RateLimitPolicy(rate, rate * cost, cost).retryAfterSeconds()).isEqualTo(seconds);
    }

    static MockServerWebExchange request(HttpMethod method, String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(method, path)
                .remoteAddress(new InetSocketAddress("203.0.113.45", 50000)));
    }

    @ParameterizedTest(name = "{0} {1}, anonymous {2}: {3}")
    @CsvSource({
            "POST, /api/v1/certification/applications/a9911ca7-0000-4000-8000-000000000001/objections, true, objections",
            "POST, /api/v1/certification/applications/a9911ca7-0000-4000-8000-000000000001/objections, false, objections",
            "GET,  /api/v1/certification/applications/a9911ca7-0000-4000-8000-000000000001/objections, false, authenticated",
            "POST, /api/v1/incentives/verifications/batch, false, batch-verification",
            "GET,  /api/v1/incentives/verifications/914403001922038216, false, authenticated",
            "POST, /api/v1/incentives/verifications/batch/extra, false, authenticated",
            "GET,  /api/v1/public/listings, true, anonymous",
            "POST, /api/v1/certification/applications, false, authenticated"})
    void eachRequestDrawsOnItsBucket(HttpMethod method, String path, boolean anonymous, String bucket) {
        assertThat(RateLimitFilter.bucket(request(method, path), anonymous)).isEqualTo(bucket);
    }
}
