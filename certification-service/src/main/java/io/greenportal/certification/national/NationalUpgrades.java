package io.greenportal.certification.national;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.RemoteCalls;
import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.UpgradeToNationalRequest;
import io.greenportal.platform.web.Times;
import io.grpc.StatusRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries national acceptances to the registry: the {@code UPGRADE_NATIONAL} entries of the registry
 * outbox, delivered outside any transaction by the outbox worker. The registry answers a repeat with the
 * listing as it is; a refusal for good (the listing revoked meanwhile, or NATIONAL with another number)
 * marks the entry REFUSED with the reason; anything else is retried.
 */
@Component
public class NationalUpgrades {

    private static final Logger log = LoggerFactory.getLogger(NationalUpgrades.class);

    private final RegistryOutbox outbox;
    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public NationalUpgrades(RegistryOutbox outbox, RegistryServiceGrpc.RegistryServiceBlockingStub registry,
            TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    public boolean deliver(RegistryOutbox.Entry entry) {
        RemoteCalls.requireNoTransaction("the registry");
        try {
            var listing = registry.withDeadlineAfter(10, TimeUnit.SECONDS).upgradeToNational(UpgradeToNationalRequest
                    .newBuilder().setListingId(entry.listingId().toString())
                    .setNationalCertificateNumber(entry.certificateNumber())
                    .setNationalOn(outbox.nationalOn(entry.id()).toString())
                    .setReason(entry.reason() == null ? "" : entry.reason()).build());
            if (listing.getLevel() != Level.NATIONAL) {
                throw new IllegalStateException("the registry answered level " + listing.getLevel());
            }
        } catch (StatusRuntimeException e) {
            switch (e.getStatus().getCode()) {
                case FAILED_PRECONDITION, ALREADY_EXISTS, NOT_FOUND, INVALID_ARGUMENT -> {
                    String why = "the registry refused the national upgrade: " + e.getStatus().getCode() + " "
                            + e.getStatus().getDescription();
                    log.warn("listing {}: {}", entry.listingId(), why);
                    outbox.refused(entry.id(), why, Times.now(clock));
                    return false;
                }
                default -> throw e;
            }
        }
        boolean done = Boolean.TRUE.equals(transactions.execute(status ->
                outbox.done(entry.id(), null, null, Times.now(clock))));
        if (done) {
            log.info("listing {}: NATIONAL ({}) in the registry", entry.listingId(), entry.certificateNumber());
        }
        return done;
    }
}
