package io.greenportal.gateway.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * See {@link PublicReadCache}: whether it is on, its size, the largest answer kept, the longest time
 * an answer is fresh, how long past that it may stand in for a service that cannot answer, how
 * long a request waits for an identical one already on its way to the service, and how many times
 * a request must have been asked (within the stale-if-error time) before its answer is kept.
 */
@ConfigurationProperties("greenportal.gateway.public-read-cache")
public record PublicReadCacheProperties(boolean enabled, DataSize maxBytes, DataSize maxEntryBytes, Duration maxAgeCap,
        Duration staleIfError, Duration coalesceWait, int minUses) {
}
