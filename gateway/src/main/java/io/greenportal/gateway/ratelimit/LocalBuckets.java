package io.greenportal.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Token buckets in this gateway's memory, one per caller and bucket name, with the same arithmetic
 * as the shared Redis buckets. A request is decided here, without waiting on anything; the shared
 * bucket's verdict arrives afterwards and {@link #drain drains} the local one when the caller has
 * spent its budget across all gateways.
 * <p>
 * A bucket left alone for as long as an empty one takes to fill again is full, so it is forgotten
 * then (memory holds only the callers of the last few seconds); past {@code maxCallers} the least
 * used are forgotten first, which can only let a forgotten caller through once more.
 */
public final class LocalBuckets {

    private final Cache<String, Bucket> buckets;
    private final Ticker ticker;

    public LocalBuckets(long maxCallers, Ticker ticker) {
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().maximumSize(maxCallers)
                .expireAfter(Expiry.accessing((String key, Bucket bucket) -> bucket.fillTime)).ticker(ticker).build();
    }

    /** The tokens left after taking the policy's cost, or -1 when the bucket does not hold them. */
    public long take(String key, RateLimitPolicy policy) {
        long now = ticker.read();
        return buckets.get(key, k -> new Bucket(policy.burstCapacity(), now, fillTime(policy))).take(policy, now);
    }

    /** The shared bucket says the caller has nothing left: so has this one, until it refills. */
    public void drain(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.drain(ticker.read());
        }
    }

    /** How long an empty bucket of this policy takes to fill: after that, forgetting it changes nothing. */
    public static Duration fillTime(RateLimitPolicy policy) {
        return Duration.ofMillis((policy.burstCapacity() * 1000L + policy.replenishRate() - 1) / policy.replenishRate());
    }

    private static final class Bucket {
        private final Duration fillTime;
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now, Duration fillTime) {
            this.tokens = tokens;
            this.refilledAt = now;
            this.fillTime = fillTime;
        }

        synchronized long take(RateLimitPolicy policy, long now) {
            tokens = Math.min(policy.burstCapacity(), tokens + (now - refilledAt) / 1e9 * policy.replenishRate());
            refilledAt = now;
            if (tokens < policy.requestedTokens()) {
                return -1;
            }
            tokens -= policy.requestedTokens();
            return (long) tokens;
        }

        synchronized void drain(long now) {
            tokens = 0;
            refilledAt = now;
        }
    }
}
