package io.greenportal.incentive.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.creditcode.Uscc;
import io.greenportal.incentive.bank.Bank;
import io.greenportal.incentive.feed.FeedCursor;
import io.greenportal.incentive.grpc.RegistryClient;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.PageParameters;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import io.greenportal.platform.web.FreeText;
import io.greenportal.platform.web.Page;

/**
 * A bank's webhook subscriptions and its delivery log. Another bank's are "not found". A URL is
 * checked (its host resolved in DNS), and a watched screening's firms fetched from the registry,
 * before the transaction that stores them begins.
 */
@Service
public class SubscriptionService {

    private final SubscriptionStore store;
    private final DeliveryStore deliveries;
    private final WebhookUrls urls;
    private final SecretBox secrets;
    private final FeedCursor cursor;
    private final DeliveryWorker worker;
    private final WebhookProperties properties;
    private final RegistryClient registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SubscriptionService(SubscriptionStore store, DeliveryStore deliveries, WebhookUrls urls, SecretBox secrets,
            FeedCursor cursor, DeliveryWorker worker, WebhookProperties properties, RegistryClient registry,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.urls = urls;
        this.secrets = secrets;
        this.cursor = cursor;
        this.worker = worker;
        this.properties = properties;
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** {@code watchScreening}: the id of one of the bank's finished portfolio screenings, whose matched firms are watched. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "WebhookSubscriptionRequest")
    public record Request(String url, String secret, List<String> watchUsccs, String watchScreening,
            @FreeText(max = 500) String description) {
    }

    public record Created(Subscription subscription, boolean created) {
    }

    public Created create(Bank bank, Request request, String actor, String idempotencyKey) {
        if (request == null) {
            throw ApiException.invalid("body",
                    "a subscription is required: url, secret and optionally watchUsccs or watchScreening");
        }
        List<Violation> errors = new ArrayList<>();
        String url = collect(errors, () -> urls.check(request.url()).toString());
        String secret = collect(errors, () -> secret(request.secret()));
        List<String> listed = null;
        UUID screening = null;
        if (request.watchUsccs() != null && request.watchScreening() != null) {
            errors.add(new Violation("watchScreening", "send either watchUsccs or watchScreening, not both"));
        } else if (request.watchUsccs() != null) {
            listed = collect(errors, () -> watchList(request.watchUsccs()));
        } else if (request.watchScreening() != null) {
            screening = collect(errors, () -> screeningId(request.watchScreening()));
        }
        String description = collect(errors, () -> text("description", request.description(), 200));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        UUID watchScreening = screening;
        List<String> watch = screening == null ? listed : screeningWatchList(bank, screening);
        // the secret is left out: only the sealed secret is kept, never a digest of it
        String fingerprint = idempotencyKey == null ? null : IdempotencyKeys.fingerprint(
                new Request(request.url(), null, request.watchUsccs(), request.watchScreening(), request.description()));
        return transactions.execute(status -> insert(bank, url, secret, watch, watchScreening, description, actor,
                idempotencyKey, fingerprint));
    }

    private Created insert(Bank bank, String url, String secret, List<String> watch, UUID watchScreening,
            String description, String actor, String idempotencyKey, String fingerprint) {
        store.lockBank(bank.id());
        if (idempotencyKey != null) {
            var existing = IdempotencyKeys.replay(store.findByIdempotencyKey(bank.id(), idempotencyKey, fingerprint));
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
        }
        if (store.count(bank.id()) >= properties.maxSubscriptionsPerBank()) {
            throw ApiException.conflict("too-many-subscriptions", null, "A bank may hold at most "
                    + properties.maxSubscriptionsPerBank() + " subscriptions; delete or change one");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // changes the service has already applied happened before this subscription: not delivered
        long start = cursor.last(FeedCursor.REGISTRY);
        Subscription subscription = new Subscription(UUID.randomUUID(), bank.id(), url, description, watch == null,
                watch, watchScreening, null, true, start, now, now);
        try {
            store.insert(subscription, secrets.seal(secret), actor, idempotencyKey, fingerprint);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("duplicate-request", "Idempotency-Key", "This Idempotency-Key is being used by a concurrent request");
        }
        return new Created(store.find(subscription.id(), bank.id()).orElseThrow(), true);
    }

    public List<Subscription> list(Bank bank) {
        return store.list(bank.id());
    }

    public Subscription get(Bank bank, UUID id) {
        return store.find(id, bank.id()).orElseThrow(() -> ApiException.notFound("Webhook subscription " + id));
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "SubscriptionChanges")
    public record Changes(String url, String secret, List<String> watchUsccs, String watchScreening, Boolean watchAll,
            Boolean active, String description) {
    }

    public Subscription update(Bank bank, UUID id, Changes changes) {
        get(bank, id); // another bank's, or none: 404 before the body is judged
        if (changes == null) {
            throw ApiException.invalid("body", "send the fields to change");
        }
        if (changes.watchScreening() != null && changes.watchUsccs() != null) {
            throw ApiException.invalid("watchScreening", "send either watchUsccs or watchScreening, not both");
        }
        if (changes.watchScreening() != null && Boolean.TRUE.equals(changes.watchAll())) {
            throw ApiException.invalid("watchScreening", "send either watchScreening or watchAll=true, not both");
        }
        if (changes.watchUsccs() != null && Boolean.TRUE.equals(changes.watchAll())) {
            throw ApiException.invalid("watchAll", "send either watchUsccs or watchAll=true, not both");
        }
        if (Boolean.FALSE.equals(changes.watchAll()) && changes.watchUsccs() == null && changes.watchScreening() == null) {
            throw ApiException.invalid("watchUsccs",
                    "name the codes to watch (or a screening in watchScreening) when turning watchAll off");
        }
        String checkedUrl = changes.url() == null ? null : urls.check(changes.url()).toString();
        String sealed = changes.secret() == null ? null : secrets.seal(secret(changes.secret()));
        UUID screening = changes.watchScreening() == null ? null : screeningId(changes.watchScreening());
        List<String> listed = changes.watchUsccs() == null ? null : watchList(changes.watchUsccs());
        String newDescription = changes.description() == null ? null : text("description", changes.description(), 200);
        List<String> watch = screening == null ? listed : screeningWatchList(bank, screening);
        // what the request leaves as it is, it leaves as it is now: read under the row's lock, so a
        // concurrent change is neither undone nor mixed into this answer
        Subscription updated = transactions.execute(status -> {
            Subscription now = store.lock(id, bank.id()).orElseThrow(() -> ApiException.notFound("Webhook subscription " + id));
            boolean active = changes.active() == null ? now.active() : changes.active();
            boolean watchAll = Boolean.TRUE.equals(changes.watchAll()) || (watch == null && now.watchAll());
            // a list named anew (codes, a screening or watchAll) replaces the screening it came from
            UUID watchScreening = watch == null && !watchAll ? now.watchScreening() : screening;
            store.update(id, checkedUrl == null ? now.url() : checkedUrl, sealed,
                    newDescription == null ? now.description() : newDescription, watchAll, watchScreening, active,
                    OffsetDateTime.now(clock));
            if (watchAll) {
                store.replaceWatchList(id, List.of());
            } else if (watch != null) {
                store.replaceWatchList(id, watch);
            }
            return get(bank, id);
        });
        if (updated.active()) {
            worker.wake();
        }
        return updated;
    }

    public void delete(Bank bank, UUID id) {
        if (!store.delete(id, bank.id())) {
            throw ApiException.notFound("Webhook subscription " + id);
        }
    }

    public Page<Delivery> deliveries(Bank bank, UUID id, String state, int page, int size) {
        get(bank, id);
        if (state != null && !List.of("PENDING", "DELIVERED", "FAILED").contains(state)) {
            throw ApiException.invalid("state", "must be PENDING, DELIVERED or FAILED");
        }
        PageParameters.check(page, size);
        return deliveries.list(id, state, page, size);
    }

    public Delivery delivery(Bank bank, UUID id, UUID deliveryId) {
        get(bank, id);
        return deliveries.find(id, deliveryId).orElseThrow(() -> ApiException.notFound("Delivery " + deliveryId));
    }

    public Delivery replay(Bank bank, UUID id, UUID deliveryId) {
        get(bank, id);
        if (!deliveries.requeue(id, deliveryId, OffsetDateTime.now(clock))) {
            throw ApiException.notFound("Delivery " + deliveryId);
        }
        worker.wake();
        return deliveries.find(id, deliveryId).orElseThrow();
    }

    public int replayFrom(Bank bank, UUID id, Long fromSequence) {
        get(bank, id);
        if (fromSequence == null) {
            throw ApiException.invalid("fromSequence", "is required: the registry sequence to replay from (0 or more)");
        }
        if (fromSequence < 0) {
            throw ApiException.invalid("fromSequence", "must be 0 or more (a registry sequence), not " + fromSequence);
        }
        int requeued = deliveries.requeueFrom(id, fromSequence, OffsetDateTime.now(clock));
        worker.wake();
        return requeued;
    }

    private List<String> watchList(List<String> usccs) {
        if (usccs.isEmpty()) {
            throw ApiException.invalid("watchUsccs", "is empty: leave it out to watch every listing, or name the codes");
        }
        if (usccs.size() > properties.maxWatchList()) {
            throw ApiException.invalid("watchUsccs", "may name at most " + properties.maxWatchList() + " credit codes");
        }
        List<Violation> errors = new ArrayList<>();
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < usccs.size(); i++) {
            String code = usccs.get(i) == null ? "" : usccs.get(i).strip().toUpperCase();
            String problem = Uscc.problem(code);
            if (problem != null) {
                errors.add(new Violation("watchUsccs[" + i + "]", "'" + usccs.get(i) + "': " + problem));
            } else {
                clean.add(code);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return List.copyOf(clean);
    }

    private static UUID screeningId(String value) {
        String id = value.strip();
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ApiException.invalid("watchScreening", "'" + value + "' is not a screening id: name one of your bank's "
                + "portfolio screenings (/api/v1/registry/screenings)");
    }

    /** The firms a finished screening of this bank's matched, as the registry has them. */
    private List<String> screeningWatchList(Bank bank, UUID screening) {
        List<String> usccs = registry.watchlist(screening.toString(), bank.id(), "watchScreening")
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found", "watchScreening",
                        "Screening " + screening + " was not found among your bank's screenings"));
        if (usccs.isEmpty()) {
            throw ApiException.invalid("watchScreening", "screening " + screening
                    + " matched no firm in the registry: there is nothing to watch");
        }
        if (usccs.size() > properties.maxScreeningWatchList()) {
            throw ApiException.invalid("watchScreening", "screening " + screening + " matched " + usccs.size()
                    + " firms; a subscription may watch at most " + properties.maxScreeningWatchList());
        }
        return usccs;
    }

    private static String secret(String secret) {
        if (secret == null) {
            throw ApiException.invalid("secret", "is required: 16-256 characters, shared only with us, used to sign deliveries");
        }
        if (secret.isBlank()) {
            throw ApiException.invalid("secret", "must not be blank: 16-256 characters, shared only with us");
        }
        if (secret.length() < 16) {
            throw ApiException.invalid("secret", "is too short (" + secret.length() + " characters): it must have at least 16");
        }
        if (secret.length() > 256) {
            throw ApiException.invalid("secret", "is too long (" + secret.length() + " characters): it may have at most 256");
        }
        return secret;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw ApiException.invalid(field, "must be at most " + max + " characters");
        }
        return clean;
    }

    private static <T> T collect(List<Violation> errors, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ApiException e) {
            if (e.violations().isEmpty()) {
                errors.add(new Violation(e.field(), e.getMessage()));
            } else {
                errors.addAll(e.violations());
            }
            return null;
        }
    }
}
