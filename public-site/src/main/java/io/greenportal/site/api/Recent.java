package io.greenportal.site.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The API's answers that every visitor of the home and publicity pages shares (statistics, targets,
 * notices, the newest listings, the dictionary), kept for a few seconds: a burst of visitors costs
 * the publicity service one call per answer and interval, not one per page. Once an answer is
 * older than that it is still served while one background call fetches the next (no visitor waits
 * for the refresh, and a failing refresh leaves the last answer in place for at most {@link #STALE_LIMIT}
 * intervals). A few seconds on top of the pages' own minute of max-age changes nothing a visitor
 * could notice; answers specific to a search or a listing are never kept.
 */
final class Recent {

    /** After this many intervals without a successful refresh an answer is not served any more. */
    static final int STALE_LIMIT = 6;

    private record Entry(Object value, long fetchedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshing = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final Clock clock;
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();

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
        if (entry == null || now - entry.fetchedAt() > ttlMillis * STALE_LIMIT) {
            return fetch(key, call);
        }
        if (now - entry.fetchedAt() > ttlMillis && refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
            background.execute(() -> {
                try {
                    fetch(key, call);
                } catch (RuntimeException e) {
                    // the last answer stays until STALE_LIMIT; a page then asks (and shows the outage)
                } finally {
                    refreshing.remove(key);
                }
            });
        }
        return (T) entry.value();
    }

    private <T> T fetch(String key, Supplier<T> call) {
        T value = call.get();
        entries.put(key, new Entry(value, clock.millis()));
        return value;
    }
}
