package io.greenportal.gateway.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** See {@link PublicReadCache}: whether it is on, its size, the largest answer kept, the longest time kept. */
@ConfigurationProperties("greenportal.gateway.public-read-cache")
public record PublicReadCacheProperties(boolean enabled, DataSize maxBytes, DataSize maxEntryBytes, Duration maxAgeCap) {
}
