package io.greenportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The gateway's own token buckets, on a clock the test moves. */
@Tag("unit")
class LocalBucketsTest {

    static final RateLimitPolicy ANONYMOUS = new RateLimitPolicy(10, 20, 1, false);

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Ticker clock = nanos::get;
    final LocalBuckets buckets = new LocalBuckets(1_000, clock);

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    int allowedInARow(String key) {
        int allowed = 0;
        while (buckets.take(key, ANONYMOUS) >= 0) {
            allowed++;
        }
        return allowed;
    }

    @Test
    void aCallerGetsItsBurstThenTheRate() {
        assertThat(allowedInARow("a")).isEqualTo(20);
        advance(Duration.ofMillis(500));
        assertThat(allowedInARow("a")).as("10 tokens a second, for half a second").isEqualTo(5);
        advance(Duration.ofMinutes(10));
        assertThat(allowedInARow("a")).as("never more than the burst").isEqualTo(20);
    }

    @Test
    void theTokensLeftAreCounted() {
        assertThat(buckets.take("a", ANONYMOUS)).isEqualTo(19);
        assertThat(buckets.take("a", ANONYMOUS)).isEqualTo(18);
    }

    @Test
    void callersHaveBucketsOfTheirOwn() {
        assertThat(allowedInARow("a")).isEqualTo(20);
        assertThat(allowedInARow("b")).isEqualTo(20);
    }

    @Test
    void theSharedBucketsVerdictEmptiesTheLocalOneUntilItRefills() {
        buckets.take("a", ANONYMOUS);
        buckets.drain("a");
        assertThat(buckets.take("a", ANONYMOUS)).as("spent across gateways").isEqualTo(-1);
        advance(Duration.ofMillis(100));
        assertThat(allowedInARow("a")).as("one token 100 ms later").isEqualTo(1);
    }

    @Test
    void aCostAboveOneTokenIsTakenWhole() {
        RateLimitPolicy slow = new RateLimitPolicy(1, 600, 120, false);
        int allowed = 0;
        while (buckets.take("o", slow) >= 0) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(5);
        advance(Duration.ofSeconds(119));
        assertThat(buckets.take("o", slow)).isEqualTo(-1);
        advance(Duration.ofSeconds(1));
        assertThat(buckets.take("o", slow)).isZero();
    }

    @Test
    void aFullBucketIsForgottenAndAnEmptyOneRemembered() {
        assertThat(allowedInARow("a")).isEqualTo(20);
        advance(Duration.ofMillis(1_900));
        assertThat(allowedInARow("a")).as("19 tokens back: not yet forgotten, or it would be 20").isEqualTo(19);
    }

    @Test
    void anEmptyBucketTakesBurstOverRateToFill() {
        assertThat(LocalBuckets.fillTime(ANONYMOUS)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LocalBuckets.fillTime(new RateLimitPolicy(3, 10, 1, false))).isEqualTo(Duration.ofMillis(3334));
    }
}
