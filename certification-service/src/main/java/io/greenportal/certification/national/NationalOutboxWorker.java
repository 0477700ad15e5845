package io.greenportal.certification.national;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.greenportal.certification.outbox.RetryWaits;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers submitted dossiers to the national platform: woken when a round is submitted (after commit)
 * and every {@code greenportal.national.retry-interval}. A dossier is claimed with a lease, sent with no
 * transaction open, and every attempt is written to the delivery log. 201 and 200 (the platform had it:
 * it is idempotent by dossier id) complete it; 5xx, 429, a time-out or a refused connection are retried
 * with exponential back-off ({@code greenportal.national.backoff}, doubling, capped at 10 minutes);
 * another 4xx marks it REFUSED for an administrator to look at (and replay).
 */
@Component
public class NationalOutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(NationalOutboxWorker.class);
    static final Duration LEASE = Duration.ofMinutes(1);

    private final NationalStore store;
    private final NationalPlatformClient platform;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RetryWaits retryWaits;

    public NationalOutboxWorker(NationalStore store, NationalPlatformClient platform, TransactionTemplate transactions,
            Clock clock, @Value("${greenportal.national.backoff:2s}") Duration backoffBase) {
        this.store = store;
        this.platform = platform;
        this.transactions = transactions;
        this.clock = clock;
        this.retryWaits = new RetryWaits(backoffBase);
    }

    @TransactionalEventListener
    void submitted(NationalRoundService.Submitted submitted) {
        Thread.ofVirtual().name("national-outbox").start(() ->
                store.dossiersOf(submitted.roundId()).forEach(d -> deliver(d.id())));
    }

    @TransactionalEventListener
    void replayed(Replayed replayed) {
        Thread.ofVirtual().name("national-outbox").start(() -> deliver(replayed.dossierId()));
    }

    @Scheduled(fixedDelayString = "${greenportal.national.retry-interval:5s}",
            initialDelayString = "${greenportal.national.retry-interval:5s}")
    public void runDue() {
        for (UUID id : store.due(Times.now(clock), 50)) {
            deliver(id);
        }
    }

    /** One attempt at one dossier, if it is due and free; answers whether it was delivered now. */
    public boolean deliver(UUID dossierId) {
        OffsetDateTime now = Times.now(clock);
        var claimed = store.claim(dossierId, now, now.plus(LEASE));
        if (claimed.isEmpty()) {
            return false;
        }
        int attempt = claimed.get().attempts() + 1;
        NationalPlatformClient.Outcome outcome;
        try {
            outcome = platform.deliver(dossierId, store.payload(dossierId));
        } catch (RuntimeException e) {
            // the delivery log is read by administrators: a sentence, never an exception's name or message
            log.warn("national dossier {}: delivery failed: {}", dossierId, e.toString());
            outcome = new NationalPlatformClient.Outcome("RETRY", null,
                    "The national platform could not be reached (no connection or no answer in time)", true);
        }
        var result = outcome;
        OffsetDateTime at = Times.now(clock);
        transactions.executeWithoutResult(status -> {
            store.logDelivery(dossierId, attempt, at, result.outcome(), result.httpStatus(), result.detail(), "system");
            if (result.retry()) {
                Duration wait = retryWaits.after(attempt);
                store.retryAt(dossierId, describe(result), at.plus(wait));
                log.warn("national dossier {}: attempt {} failed ({}), retrying in {}", dossierId, attempt, describe(result), wait);
            } else if (result.outcome().equals("REFUSED")) {
                store.complete(dossierId, "REFUSED", describe(result), at);
                store.setStatus(dossierId, "QUEUED", "REFUSED", at);
                log.warn("national dossier {}: refused by the national platform ({})", dossierId, describe(result));
            } else {
                store.complete(dossierId, "DONE", null, at);
                store.setStatus(dossierId, "QUEUED", "DELIVERED", at);
                store.setStatus(dossierId, "REFUSED", "DELIVERED", at);
                log.info("national dossier {}: {} on attempt {}", dossierId, result.outcome(), attempt);
            }
        });
        return !result.retry() && !result.outcome().equals("REFUSED");
    }

    private static String describe(NationalPlatformClient.Outcome o) {
        return (o.httpStatus() == null ? "" : "HTTP " + o.httpStatus() + " ") + (o.detail() == null ? "" : o.detail());
    }

    /** Published when an administrator replays a dossier: it is sent again once the replay has committed. */
    public record Replayed(UUID dossierId) {
    }

    /** Queues a dossier that was delivered (or refused) for one more delivery, as it was; logged with the actor. */
    public void replay(UUID dossierId, String actor, org.springframework.context.ApplicationEventPublisher events) {
        transactions.executeWithoutResult(status -> {
            Dossier dossier = store.lockDossier(dossierId).orElseThrow(() -> ApiException.notFound("Dossier " + dossierId));
            if (dossier.status().equals("SELECTED")) {
                throw ApiException.conflict("illegal-state", "status", "The dossier's round is not submitted yet")
                        .withProperty("currentStatus", dossier.status());
            }
            if (!store.requeue(dossierId, Times.now(clock))) {
                throw ApiException.conflict("delivery-pending", "status",
                        "The dossier is queued for delivery already").withProperty("currentStatus", "PENDING");
            }
            int attempts = store.outboxOf(dossierId).orElseThrow().attempts();
            store.logDelivery(dossierId, attempts, Times.now(clock), "REPLAY_REQUESTED", null, null, actor);
            events.publishEvent(new Replayed(dossierId));
        });
    }
}
