package io.greenportal.incentive.feed;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeKind;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.incentive.webhook.DeliveryStore;
import io.greenportal.incentive.webhook.StatusChangeEvent;
import io.greenportal.incentive.webhook.SubscriptionStore;
import io.greenportal.platform.grpc.ProtoTimes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns registry changes into webhook deliveries. A batch is applied in one transaction that holds
 * the cursor's row lock, skips what is applied already, creates the deliveries and advances the
 * cursor: after a crash or a reconnect the same change is neither lost nor delivered twice.
 */
@Service
public class ChangeApplier {

    private static final Logger log = LoggerFactory.getLogger(ChangeApplier.class);

    private final FeedCursor cursor;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final JsonMapper json;
    private final Clock clock;

    public ChangeApplier(FeedCursor cursor, SubscriptionStore subscriptions, DeliveryStore deliveries, JsonMapper json,
            Clock clock) {
        this.cursor = cursor;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /** Applies the changes in order; returns how many deliveries were created. */
    @Transactional
    public int apply(List<Change> changes) {
        long last = cursor.lock(FeedCursor.REGISTRY);
        long applied = last;
        int created = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Change change : changes) {
            if (change.getSequence() <= applied) {
                continue; // seen before: a replay after reconnecting, or another instance got there first
            }
            if (change.getSequence() != applied + 1) {
                log.warn("registry feed jumped from {} to {}", applied, change.getSequence());
            }
            if (change.getKind() == ChangeKind.STATUS_CHANGED) {
                created += deliveriesFor(change, now);
            }
            applied = change.getSequence();
        }
        if (applied > last) {
            cursor.advance(FeedCursor.REGISTRY, applied, now);
        }
        return created;
    }

    private int deliveriesFor(Change change, OffsetDateTime now) {
        Listing listing = change.getListing();
        String uscc = listing.getEnterprise().getUscc();
        int created = 0;
        for (UUID subscription : subscriptions.interestedIn(uscc, change.getSequence())) {
            String eventId = StatusChangeEvent.eventId(change.getSequence(), subscription);
            var event = new StatusChangeEvent(eventId, StatusChangeEvent.TYPE, subscription, change.getSequence(),
                    ProtoTimes.local(change.getOccurredAt()),
                    uscc, listing.getEnterprise().getName(), listing.getId(), listing.getType().name(),
                    listing.getLevel().name(), listing.getCertificateNumber(), listing.getCertificateNumberAssigned(),
                    listing.getYear(),
                    listing.getStatus().name(), change.getPreviousStatus().name(),
                    listing.getStatusReason().isBlank() ? null : listing.getStatusReason());
            if (deliveries.insertIfAbsent(UUID.randomUUID(), subscription, change.getSequence(), eventId,
                    UUID.fromString(listing.getId()), uscc, json.writeValueAsString(event), now)) {
                created++;
            }
        }
        if (created > 0) {
            log.info("registry change {} ({} {} -> {}): {} webhook deliveries", change.getSequence(), uscc,
                    change.getPreviousStatus(), listing.getStatus(), created);
        }
        return created;
    }
}
