package io.greenportal.site.api;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * The API's answers that every visitor of the home and publicity pages shares (statistics, targets,
 * notices, the newest listings, the dictionary), kept for a few seconds: a burst of visitors costs
 * the publicity service one call per answer and interval, not one per page. Once an answer is
 * older than that it is still served while one background call fetches the next (Caffeine's
 * refresh-after-write: no visitor waits for the refresh, and a failing refresh leaves the last answer
 * in place until it is {@link #STALE_LIMIT} intervals old). A few seconds on top of the pages' own
 * minute of max-age changes nothing a visitor could notice; answers specific to a search or a
 * listing are never kept.
 */
final class Recent {

    /** After this many intervals without a successful refresh an answer is not served any more. */
    static final int STALE_LIMIT = 6;

    /** At most this many answers are kept (the notices' paging makes keys from visitors' parameters). */
    static final int MAX_ANSWERS = 1_000;

    /** A key and the call that answers it, equal by name: the first call given for a name is the one its refreshes make. */
    private record Call(String name, Supplier<?> call) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Call that && name.equals(that.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    private final LoadingCache<Call, Object> answers;
    private final boolean enabled;

    Recent(Duration ttl, Clock clock, Executor refreshes) {
        this.enabled = ttl.isPositive();
        this.answers = Caffeine.newBuilder()
                .refreshAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .expireAfterWrite(enabled ? ttl.multipliedBy(STALE_LIMIT) : Duration.ofNanos(1))
                .maximumSize(MAX_ANSWERS)
                .ticker(() -> clock.millis() * 1_000_000)
                .executor(refreshes)
                .build(key -> key.call().get());
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> call) {
        if (!enabled) {
            return call.get();
        }
        return (T) answers.get(new Call(key, call));
    }
}
