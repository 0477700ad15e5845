package io.greenportal.publicity.cache;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The cache's state in the health details. Always UP: without Redis the service answers uncached,
 * so Redis is deliberately kept out of liveness and readiness.
 */
@Component("cache")
public class CacheHealth implements HealthIndicator {

    private final PublicCache cache;

    public CacheHealth(PublicCache cache) {
        this.cache = cache;
    }

    @Override
    public Health health() {
        var status = cache.status();
        var health = Health.up()
                .withDetail("redis", !status.enabled() ? "disabled" : status.available() ? "up" : "unavailable: answering uncached")
                .withDetail("hits", status.hits())
                .withDetail("misses", status.misses())
                .withDetail("bypassed", status.bypassed());
        if (status.unavailableSince() != null) {
            health.withDetail("unavailableSince", status.unavailableSince().toString());
        }
        if (status.lastFailure() != null) {
            health.withDetail("lastFailure", status.lastFailure());
        }
        return health.build();
    }
}
