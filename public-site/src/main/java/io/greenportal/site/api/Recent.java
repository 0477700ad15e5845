package io.greenportal.site.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The API's answers that every visitor of the home and publicity pages shares (statistics, targets,
 * notices, the newest listings, the dictionary), kept for a few seconds: a burst of visitors costs
 * the publicity service one call per answer and interval, not one per page. A few seconds on top of
 * the pages' own minute of max-age changes nothing a visitor could notice; answers specific to a
 * search or a listing are never kept.
 */
final class Recent {

    private record Entry(Object value, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final Clock clock;

    Recent(Duration ttl, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> call) {
        if (ttlMillis <= 0) {
            return call.get();
        }
        long now = clock.millis();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt() > now) {
            return (T) entry.value();
        }
        T value = call.get();
        entries.put(key, new Entry(value, now + ttlMillis));
        return value;
    }
}
