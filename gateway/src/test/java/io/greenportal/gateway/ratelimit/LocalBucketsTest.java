package io.greenportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The gateway's own buckets, for when Redis cannot answer: the same policy, per caller. */
@Tag("unit")
class LocalBucketsTest {

    final AtomicLong now = new AtomicLong();
    final LocalBuckets buckets = new LocalBuckets(1_000, now::get);
    final RateLimitPolicy tenPerSecond = new RateLimitPolicy(10, 20, 1);

    @Test
    void aCallerGetsTheBurstThenTheRate() {
        for (int i = 19; i >= 0; i--) {
            assertThat(buckets.take("a", tenPerSecond)).isEqualTo(i);
        }
        assertThat(buckets.take("a", tenPerSecond)).isEqualTo(-1);
        now.addAndGet(100_000_000); // 0.1 s: one token
        assertThat(buckets.take("a", tenPerSecond)).isZero();
        assertThat(buckets.take("a", tenPerSecond)).isEqualTo(-1);
        now.addAndGet(60_000_000_000L); // a minute: full again, never more than the burst
        assertThat(buckets.take("a", tenPerSecond)).isEqualTo(19);
    }

    @Test
    void callersHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 20; i++) {
            buckets.take("a", tenPerSecond);
        }
        assertThat(buckets.take("a", tenPerSecond)).isEqualTo(-1);
        assertThat(buckets.take("b", tenPerSecond)).isEqualTo(19);
    }

    @Test
    void aSlowPolicyCostsMoreThanItsRate() {
        RateLimitPolicy objections = new RateLimitPolicy(1, 600, 120); // one per two minutes, five at once
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("o", objections)).isNotNegative();
        }
        assertThat(buckets.take("o", objections)).isEqualTo(-1);
        now.addAndGet(119_000_000_000L);
        assertThat(buckets.take("o", objections)).isEqualTo(-1);
        now.addAndGet(1_000_000_000L);
        assertThat(buckets.take("o", objections)).isZero();
    }
}
