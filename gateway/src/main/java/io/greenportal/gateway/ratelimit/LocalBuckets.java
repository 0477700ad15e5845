package io.greenportal.gateway.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each caller's token bucket in this gateway's own memory, asked only when Redis cannot answer (the
 * {@link io.greenportal.gateway.redis.RedisGuard}'s circuit is open, or a call failed): the same
 * policy as in Redis, decided at once. Before, such requests were let through unlimited, so a single
 * client's flood that made Redis calls slow on a busy machine opened the circuit and switched its own
 * rate limit off (about 490 admitted a second instead of 30, by a test from outside). Each replica
 * counts alone while Redis is away, so together they allow at most replicas × the policy. A bucket
 * unused for ten minutes is forgotten: by then it would be full again (the slowest policy,
 * objections, refills in 600 s).
 */
final class LocalBuckets {

    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final Cache<String, Bucket> buckets;
    private final LongSupplier nanoTime;

    LocalBuckets(long maximumCallers, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(maximumCallers).expireAfterAccess(FORGET_AFTER)
                .executor(Runnable::run) // evict on the caller's thread: no pool task woken per new caller
                .build();
    }

    /** Takes one request's tokens from the caller's bucket: the whole tokens left, or -1 if it holds too few. */
    long take(String key, RateLimitPolicy policy) {
        Bucket bucket = buckets.get(key, k -> new Bucket(policy.burstCapacity(), nanoTime.getAsLong()));
        synchronized (bucket) {
            long now = nanoTime.getAsLong();
            bucket.tokens = Math.min(policy.burstCapacity(), bucket.tokens + (now - bucket.at) / 1e9 * policy.replenishRate());
            bucket.at = now;
            if (bucket.tokens < policy.requestedTokens()) {
                return -1;
            }
            bucket.tokens -= policy.requestedTokens();
            return (long) bucket.tokens;
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
