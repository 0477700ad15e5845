package io.greenportal.certification.national;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the national platform's decisions. Each is recorded once by its event id (a repeat, by callback
 * or poll, changes nothing) and applied in the order of its version under the dossier's row lock: a
 * decision that arrives before an earlier one is held until that one comes (by callback, or by the next
 * poll, which asks for everything after the last applied version). Acceptance queues the listing's
 * upgrade to NATIONAL, a removal its suspension or revocation, both through the registry outbox (so the
 * registry is called after commit, outside any transaction).
 */
@Service
public class NationalDecisions implements DecisionIntake {

    private static final Logger log = LoggerFactory.getLogger(NationalDecisions.class);
    /** Who decides a removal from the national list, as the registry records it. */
    static final String NATIONAL_PLATFORM = "national-platform";

    private final NationalStore store;
    private final RegistryOutbox registry;
    private final Clock clock;

    public NationalDecisions(NationalStore store, RegistryOutbox registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result receive(DecisionEvent decision, String source) {
        DecisionRules.check(decision);
        Dossier dossier = store.lockDossier(decision.dossierId())
                .orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-dossier",
                        "dossierId", "No dossier " + decision.dossierId() + " was sent from this province"));
        if (dossier.status().equals("SELECTED")) {
            throw ApiException.conflict("illegal-state", "dossierId", "Dossier " + dossier.id() + " was never submitted")
                    .withProperty("currentStatus", dossier.status());
        }
        OffsetDateTime now = Times.now(clock);
        if (!store.recordDecision(decision, source, now)) {
            return Result.DUPLICATE;
        }
        if (decision.version() <= dossier.appliedVersion()) {
            return Result.DUPLICATE;
        }
        int applied = dossier.appliedVersion();
        String status = dossier.status();
        Optional<DecisionEvent> next;
        while ((next = store.decision(dossier.id(), applied + 1)).isPresent()) {
            status = apply(dossier, status, next.get(), now);
            applied++;
        }
        return applied >= decision.version() ? Result.APPLIED : Result.HELD;
    }

    private String apply(Dossier dossier, String current, DecisionEvent d, OffsetDateTime now) {
        String next = DecisionRules.next(current, d.kind());
        store.markApplied(d.eventId(), now);
        if (next == null) {
            log.warn("national dossier {}: decision {} (version {}, {}) does not apply to a {} dossier; recorded only",
                    dossier.id(), d.eventId(), d.version(), d.kind(), current);
            store.skipVersion(dossier.id(), d.version());
            return current;
        }
        switch (d.kind()) {
            case "ACCEPTED" -> {
                store.decide(dossier.id(), next, d.certificateNumber().strip(), d.decidedOn(), null, d.version(), now);
                registry.upgradeNational(dossier.applicationId(), dossier.listingId(), d.certificateNumber().strip(),
                        d.decidedOn(), "国家级绿色制造名单（推荐材料 " + dossier.id() + "）",
                        "certification:national:" + dossier.id() + ":" + d.version(), now);
            }
            case "REJECTED" -> store.decide(dossier.id(), next, null, null, d.reason().strip(), d.version(), now);
            case "REMOVED" -> {
                store.decide(dossier.id(), next, null, null, d.reason().strip(), d.version(), now);
                registry.changeStatus(dossier.applicationId(), null, dossier.listingId(), d.removal(),
                        "国家级动态管理移出：" + d.reason().strip(), NATIONAL_PLATFORM, now);
            }
            default -> throw new IllegalStateException(d.kind());
        }
        log.info("national dossier {}: {} (version {}) applied", dossier.id(), d.kind(), d.version());
        return next;
    }
}
