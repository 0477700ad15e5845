package io.greenportal.certification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.greenportal.certification.annual.ListingStatusChanges;
import io.greenportal.certification.registration.ListingRegistration;
import io.greenportal.platform.web.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the registry outbox: woken when an entry is queued (after commit) and every
 * {@code greenportal.registration.retry-interval}. Each entry is claimed with a lease in a short
 * statement, the registry is called with no transaction open and no row locked, and the outcome is
 * recorded in a short transaction. A failed attempt is retried with exponential back-off (capped at
 * 10 minutes), its error kept in {@code last_error}. Two workers never hold one entry at once; one whose
 * lease ran out is taken over, which the request ids make harmless.
 */
@Component
public class RegistryOutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(RegistryOutboxWorker.class);
    static final RetryWaits RETRY_WAITS = new RetryWaits(Duration.ofSeconds(2));
    /** Longer than any registry call may take (their deadlines are 10 s). */
    static final Duration LEASE = Duration.ofMinutes(1);

    private final RegistryOutbox outbox;
    private final ListingRegistration registrations;
    private final ListingStatusChanges statusChanges;
    private final io.greenportal.certification.national.NationalUpgrades nationalUpgrades;
    private final Clock clock;

    public RegistryOutboxWorker(RegistryOutbox outbox, ListingRegistration registrations,
            ListingStatusChanges statusChanges, io.greenportal.certification.national.NationalUpgrades nationalUpgrades,
            Clock clock) {
        this.nationalUpgrades = nationalUpgrades;
        this.outbox = outbox;
        this.registrations = registrations;
        this.statusChanges = statusChanges;
        this.clock = clock;
    }

    @TransactionalEventListener
    void queued(RegistryOutbox.Queued queued) {
        Thread.ofVirtual().name("registry-outbox").start(() -> deliver(queued.id()));
    }

    @Scheduled(fixedDelayString = "${greenportal.registration.retry-interval:5s}",
            initialDelayString = "${greenportal.registration.retry-interval:5s}")
    public void runDue() {
        for (long id : outbox.due(Times.now(clock), 50)) {
            deliver(id);
        }
    }

    /** One attempt at one entry, if it is due and free; answers whether it completed now. */
    public boolean deliver(long id) {
        OffsetDateTime now = Times.now(clock);
        var claimed = outbox.claim(id, now, now.plus(LEASE));
        if (claimed.isEmpty()) {
            return false;
        }
        RegistryOutbox.Entry entry = claimed.get();
        try {
            return switch (entry.kind()) {
                case REGISTER_LISTING -> registrations.deliver(entry);
                case CHANGE_STATUS -> statusChanges.deliver(entry);
                case UPGRADE_NATIONAL -> nationalUpgrades.deliver(entry);
            };
        } catch (RuntimeException e) {
            int attempts = entry.attempts() + 1;
            Duration backoff = RETRY_WAITS.after(attempts);
            String error = e instanceof io.grpc.StatusRuntimeException s ? s.getStatus().toString() : e.toString();
            log.warn("registry outbox {} ({} of application {}) failed (attempt {}), retrying in {}: {}", entry.id(),
                    entry.kind(), entry.applicationId(), attempts, backoff, error);
            try {
                outbox.retryAt(entry.id(), error, Times.now(clock).plus(backoff));
            } catch (RuntimeException unrecorded) {
                log.error("could not record the failed attempt of registry outbox {}; its lease runs out", entry.id(),
                        unrecorded);
            }
            return false;
        }
    }
}
