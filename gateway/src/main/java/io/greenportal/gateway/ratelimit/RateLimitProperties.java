package io.greenportal.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits, per caller: authenticated callers by client id and user, anonymous callers by
 * address. Objection intake and bank batch verification have their own, stricter buckets.
 * {@code namespace} prefixes the Redis keys (gateways sharing one Redis and one policy share it).
 * {@code localCallers} bounds the callers whose local buckets one gateway keeps in memory at once
 * (each about 200 bytes; a bucket is forgotten anyway once it would have filled up again).
 */
@ConfigurationProperties("greenportal.rate-limits")
public record RateLimitProperties(boolean enabled, String namespace, RateLimitPolicy authenticated,
        RateLimitPolicy anonymous, RateLimitPolicy objections, RateLimitPolicy batchVerification,
        @DefaultValue("200000") long localCallers) {
}
