package io.greenportal.gateway.ratelimit;

/**
 * A token bucket: {@code replenishRate} tokens per second, at most {@code burstCapacity}, and each
 * request costs {@code requestedTokens}. Slow policies (a few requests per minute) use a cost
 * above the rate, e.g. rate 1, cost 60: one request a minute.
 */
public record RateLimitPolicy(int replenishRate, int burstCapacity, int requestedTokens) {

    /** Seconds until an emptied bucket allows the next request. */
    public long retryAfterSeconds() {
        return Math.max(1, (requestedTokens + replenishRate - 1) / replenishRate);
    }
}
