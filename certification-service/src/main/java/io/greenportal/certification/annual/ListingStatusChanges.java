package io.greenportal.certification.annual;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.RemoteCalls;
import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.contracts.registry.v1.ChangeStatusRequest;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.platform.web.Times;
import io.grpc.StatusRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries annual-report decisions to the registry: the {@code CHANGE_STATUS} entries of the registry
 * outbox (suspend, revoke, restore), one listing's changes in the order they were decided. A registry
 * that already shows the wanted status (an earlier attempt whose answer was lost) counts as done; one
 * that refuses the change (the listing is revoked, or gone) marks the entry REFUSED with its reason,
 * which the report shows. Anything else is retried by the worker.
 */
@Component
public class ListingStatusChanges {

    private static final Logger log = LoggerFactory.getLogger(ListingStatusChanges.class);

    private final RegistryOutbox outbox;
    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ListingStatusChanges(RegistryOutbox outbox, RegistryServiceGrpc.RegistryServiceBlockingStub registry,
            TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Applies a claimed entry; answers whether it completed now. */
    public boolean deliver(RegistryOutbox.Entry entry) {
        RemoteCalls.requireNoTransaction("the registry");
        StatusAction action = StatusAction.valueOf(entry.action());
        UUID listingId = entry.listingId();
        try {
            registry.withDeadlineAfter(10, TimeUnit.SECONDS).changeStatus(ChangeStatusRequest.newBuilder()
                    .setListingId(listingId.toString()).setAction(action).setReason(entry.reason())
                    .setActingFor(entry.actingFor() == null ? "" : entry.actingFor()).build());
        } catch (StatusRuntimeException e) {
            switch (e.getStatus().getCode()) {
                case FAILED_PRECONDITION -> {
                    ListingStatus current = registry.withDeadlineAfter(10, TimeUnit.SECONDS)
                            .getListing(GetListingRequest.newBuilder().setId(listingId.toString()).build()).getStatus();
                    if (current != wanted(action)) {
                        return refused(entry, "the registry refused to " + action.name().toLowerCase() + " listing "
                                + listingId + ", which is " + current + ": " + e.getStatus().getDescription());
                    }
                }
                case NOT_FOUND, INVALID_ARGUMENT -> {
                    return refused(entry, "the registry refused: " + e.getStatus().getCode() + " "
                            + e.getStatus().getDescription());
                }
                default -> throw e;
            }
        }
        boolean done = Boolean.TRUE.equals(transactions.execute(status ->
                outbox.done(entry.id(), null, null, Times.now(clock))));
        if (done) {
            log.info("listing {}: {} applied in the registry (annual report {})", listingId, action,
                    entry.annualReportId());
        }
        return done;
    }

    private boolean refused(RegistryOutbox.Entry entry, String why) {
        log.warn("listing {}: {} not applied, {}", entry.listingId(), entry.action(), why);
        outbox.refused(entry.id(), why, Times.now(clock));
        return false;
    }

    static ListingStatus wanted(StatusAction action) {
        return switch (action) {
            case SUSPEND -> ListingStatus.SUSPENDED;
            case REVOKE -> ListingStatus.REVOKED;
            case RESTORE -> ListingStatus.ACTIVE;
            default -> throw new IllegalArgumentException("no status change " + action);
        };
    }
}
