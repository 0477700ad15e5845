package io.greenportal.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits, per caller: authenticated callers by client id and user, anonymous callers by
 * address. Objection intake and bank batch verification have their own, stricter buckets.
 * {@code namespace} prefixes the Redis keys (gateways sharing one Redis and one policy share it).
 */
@ConfigurationProperties("greenportal.rate-limits")
public record RateLimitProperties(boolean enabled, String namespace, RateLimitPolicy authenticated,
        RateLimitPolicy anonymous, RateLimitPolicy objections, RateLimitPolicy batchVerification) {
}
