package io.greenportal.gateway.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;


/**
 * Rate limits with tiny buckets in a Redis namespace of this test's own, in front of the running
 * services. Each test uses a bucket no other test touches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.namespace=test-${random.uuid}",
        "greenportal.rate-limits.anonymous.replenish-rate=1", "greenportal.rate-limits.anonymous.burst-capacity=4",
        "greenportal.rate-limits.authenticated.replenish-rate=1", "greenportal.rate-limits.authenticated.burst-capacity=4",
        "greenportal.rate-limits.objections.replenish-rate=1", "greenportal.rate-limits.objections.burst-capacity=60",
        "greenportal.rate-limits.objections.requested-tokens=60"})
@AutoConfigureWebTestClient
class RateLimitTest {

    @Autowired
    WebTestClient web;

    static final String PUBLIC_ENDPOINT = "/api/v1/registry/reference/regions";

    @Test
    void anonymousCallersAreLimitedByAddressWithRetryAfterAndAProblem() {
        int ok = 0;
        EntityExchangeResult<byte[]> limited = null;
        for (int i = 0; i < 12 && limited == null; i++) {
            // the refusal itself is examined: asking again could find a token refilled meanwhile
            EntityExchangeResult<byte[]> result = web.get().uri(PUBLIC_ENDPOINT).exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                limited = result;
            } else {
                ok++;
            }
        }
        assertThat(ok).isBetween(3, 6);
        assertThat(limited).isNotNull();
        assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new String(limited.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("/rate-limited\"");
    }

    @Test
    void authenticatedCallersHaveTheirOwnBuckets() {
        String entA = Tokens.user("ent-a");
        int limitedA = 0;
        for (int i = 0; i < 10; i++) {
            if (web.get().uri("/api/v1/registry/listings?size=1").header("Authorization", "Bearer " + entA).exchange()
                    .returnResult(byte[].class).getStatus().value() == 429) {
                limitedA++;
            }
        }
        assertThat(limitedA).isPositive();
        web.get().uri("/api/v1/registry/listings?size=1").header("Authorization", "Bearer " + Tokens.user("ent-b"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void objectionIntakeHasAStricterLimit() {
        String uri = "/api/v1/certification/applications/" + UUID.randomUUID() + "/objections";
        var first = web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .returnResult(byte[].class).getStatus().value();
        assertThat(first).isNotEqualTo(429);
        web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().valueEquals("Retry-After", "60");
    }
}
