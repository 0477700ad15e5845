package io.greenportal.publicity.target;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.publicity.cache.PublicCache;
import io.greenportal.publicity.search.ListingFilter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Plan targets with their progress, and their maintenance by administrators. A change bumps the
 * cache generation once it is stored, so no cached answer outlives it.
 */
@Service
public class Targets {

    private final TargetStore store;
    private final TargetProgress progress;
    private final PublicCache cache;
    private final Clock clock;

    public Targets(TargetStore store, TargetProgress progress, PublicCache cache, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * @param statuses          the listing statuses that count towards a target
     * @param progressAvailable false while Elasticsearch cannot be asked: the targets come without progress
     */
    public record TargetList(OffsetDateTime asOf, List<String> statuses, boolean progressAvailable,
            List<TargetView> targets) {
    }

    public TargetList list(String region, String type) {
        List<Target> targets = store.list(region, type);
        Optional<Map<Long, Long>> counts = progress.count(targets);
        return new TargetList(OffsetDateTime.now(clock), ListingFilter.PUBLIC_STATUSES.stream().sorted().toList(),
                counts.isPresent(), targets.stream().map(t -> TargetView.of(t, counts.map(c -> c.get(t.id())).orElse(null)))
                        .toList());
    }

    public Optional<TargetView> get(long id) {
        return store.find(id).map(this::withProgress);
    }

    private TargetView withProgress(Target target) {
        return TargetView.of(target, progress.count(List.of(target)).map(c -> c.get(target.id())).orElse(null));
    }

    public record Created(TargetView target, boolean created) {
    }

    /**
     * Creates a target; a repeated Idempotency-Key (of the same administrator) with the same request
     * returns the first one, with another request it is refused (422).
     */
    public Created create(TargetRules.Valid v, String actor, String idempotencyKey, String fingerprint) {
        String key = idempotencyKey == null ? null : actor + ":" + idempotencyKey;
        if (key != null) {
            Optional<Target> first = IdempotencyKeys.replay(store.findByIdempotencyKey(key, fingerprint));
            if (first.isPresent()) {
                return new Created(withProgress(first.get()), false);
            }
        }
        Optional<Target> inserted = store.insert(v, key, fingerprint, actor, OffsetDateTime.now(clock));
        if (inserted.isEmpty()) {
            // a concurrent retry with the same key got there first, or the target exists already
            Optional<Target> first = key == null ? Optional.empty()
                    : IdempotencyKeys.replay(store.findByIdempotencyKey(key, fingerprint));
            if (first.isPresent()) {
                return new Created(withProgress(first.get()), false);
            }
            throw duplicate(v);
        }
        cache.invalidate();
        return new Created(withProgress(inserted.get()), true);
    }

    /** Replaces a target's fields (the whole target). */
    public TargetView update(long id, TargetRules.Valid v, String actor) {
        Optional<Target> updated;
        try {
            updated = store.update(id, v, actor, OffsetDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw duplicate(v);
        }
        Target target = updated.orElseThrow(() -> notFound(id));
        cache.invalidate();
        return withProgress(target);
    }

    public void delete(long id, String actor) {
        if (!store.delete(id, actor)) {
            throw notFound(id);
        }
        cache.invalidate();
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Target " + id);
    }

    private ApiException duplicate(TargetRules.Valid v) {
        // the fields that make a target the same one: region, type, level and year; "regionCode" names the first
        ApiException conflict = ApiException.conflict("duplicate-target", "regionCode", "There is already a target for "
                + v.regionCode() + " " + v.type() + (v.level() == null ? " (all levels)" : " " + v.level()) + " in "
                + v.year() + ": change that one instead");
        store.findSame(v).ifPresent(existing -> conflict.withProperty("existingId", existing.id()));
        return conflict;
    }
}
