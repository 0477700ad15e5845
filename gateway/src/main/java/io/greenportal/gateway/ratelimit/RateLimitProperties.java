package io.greenportal.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits, per caller: authenticated callers by client id and user, anonymous callers by
 * address. Objection intake and bank batch verification have their own, stricter buckets.
 * {@code namespace} prefixes the Redis keys (gateways sharing one Redis and one policy share it).
 * {@code headroomFreshFor}: how long Redis's last count for a caller may let requests through
 * without waiting for Redis ({@link BucketHeadroom}); zero waits for Redis every time.
 */
@ConfigurationProperties("greenportal.rate-limits")
public record RateLimitProperties(boolean enabled, String namespace, RateLimitPolicy authenticated,
        RateLimitPolicy anonymous, RateLimitPolicy objections, RateLimitPolicy batchVerification,
        Duration headroomFreshFor) {
}
