package io.greenportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * When the gateway lets a request through before Redis has answered: only with Redis's recent
 * word that more than half of the caller's bucket is left, counting the calls still in flight.
 */
@Tag("unit")
class BucketHeadroomTest {

    static final RateLimitPolicy POLICY = new RateLimitPolicy(20, 40, 1);
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final BucketHeadroom headroom = new BucketHeadroom(Duration.ofSeconds(1), 1000, now::get);

    static RateLimiter.Response redisSays(boolean allowed, long remaining) {
        return new RateLimiter.Response(allowed, Map.of(RedisRateLimiter.REMAINING_HEADER, Long.toString(remaining)));
    }

    @Test
    void aCallerRedisHasNotCountedYetWaitsForRedis() {
        assertThat(headroom.admitEarly("a", POLICY)).isEmpty();
    }

    @Test
    void aCallerWithMoreThanHalfItsBucketLeftGoesAheadAndIsToldWhatIsLeft() {
        headroom.admitEarly("a", POLICY);
        headroom.answered("a", redisSays(true, 39));
        assertThat(headroom.admitEarly("a", POLICY)).hasValue(38);
    }

    @Test
    void callsStillInFlightAreCountedSoEarlyAdmissionsStopAtHalfTheBucket() {
        headroom.admitEarly("a", POLICY);
        headroom.answered("a", redisSays(true, 30));
        int early = 0;
        while (headroom.admitEarly("a", POLICY).isPresent()) {
            early++;
        }
        // 30 left: 29, 28, ... 20 leave at least half of 40; the 11th would leave 19
        assertThat(early).isEqualTo(10);
        // the answers come back in order and the bucket refilled meanwhile: early admissions resume
        for (int i = 0; i < 11; i++) {
            headroom.answered("a", redisSays(true, 35));
        }
        assertThat(headroom.admitEarly("a", POLICY)).hasValue(34);
    }

    @Test
    void aCallerNearTheBottomOrRefusedAlwaysWaitsForRedis() {
        headroom.admitEarly("a", POLICY);
        headroom.answered("a", redisSays(true, 20));
        assertThat(headroom.admitEarly("a", POLICY)).as("would leave 19 of 40").isEmpty();
        headroom.answered("a", redisSays(false, 0));
        headroom.answered("a", redisSays(false, 0));
        assertThat(headroom.admitEarly("a", POLICY)).isEmpty();
    }

    @Test
    void anOldCountIsNotTrusted() {
        headroom.admitEarly("a", POLICY);
        headroom.answered("a", redisSays(true, 39));
        now.addAndGet(Duration.ofMillis(1001).toNanos());
        assertThat(headroom.admitEarly("a", POLICY)).isEmpty();
    }

    @Test
    void answersWithoutACountTeachNothing() {
        headroom.admitEarly("a", POLICY);
        // the guard bypassed Redis (no headers) or the limiter failed open on a Redis error (-1)
        headroom.answered("a", new RateLimiter.Response(true, Map.of()));
        headroom.admitEarly("a", POLICY);
        headroom.answered("a", redisSays(true, -1));
        assertThat(headroom.admitEarly("a", POLICY)).isEmpty();
    }

    @Test
    void callersAndBucketsAreKeptApart() {
        headroom.admitEarly("a", POLICY);
        headroom.answered("a", redisSays(true, 39));
        assertThat(headroom.admitEarly("b", POLICY)).isEmpty();
        RateLimitPolicy objections = new RateLimitPolicy(1, 600, 120);
        headroom.admitEarly("o", objections);
        headroom.answered("o", redisSays(true, 480));
        assertThat(headroom.admitEarly("o", objections)).as("480 - 120 = 360 of 600").hasValue(360);
        assertThat(headroom.admitEarly("o", objections)).as("a second one in flight: 240 of 600").isEmpty();
    }

    @Test
    void zeroFreshnessAlwaysWaitsForRedis() {
        BucketHeadroom never = new BucketHeadroom(Duration.ZERO, 1000, now::get);
        never.admitEarly("a", POLICY);
        never.answered("a", redisSays(true, 39));
        assertThat(never.admitEarly("a", POLICY)).isEmpty();
    }
}
