package io.greenportal.certification.national;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.registration.ListingsInForce;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * National recommendation rounds: a provincial administrator opens one (name, deadline, quota per
 * type), selects approved provincial listings in order, and submits it; each dossier then goes to the
 * national platform through the national outbox ({@link NationalOutboxWorker}).
 */
@Service
public class NationalRoundService {

    private final NationalStore store;
    private final ApplicationStore applications;
    private final DossierPayloads payloads;
    private final ApplicationEventPublisher events;
    private final ListingsInForce inForce;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public NationalRoundService(NationalStore store, ApplicationStore applications, DossierPayloads payloads,
            ApplicationEventPublisher events, ListingsInForce inForce, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.applications = applications;
        this.payloads = payloads;
        this.events = events;
        this.inForce = inForce;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Published at submission: the outbox worker delivers the round's dossiers once it has committed. */
    public record Submitted(UUID roundId) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "NationalRoundDetail")
    public record Detail(NationalRound round, List<Dossier> dossiers) {
    }

    @Transactional
    public NationalRound create(Caller caller, RoundRules.RoundRequest request) {
        OffsetDateTime now = Times.now(clock);
        RoundRules.Checked c = RoundRules.check(request, now);
        NationalRound round = new NationalRound(UUID.randomUUID(), c.name(), Times.local(c.deadline()), c.quotas(),
                NationalRound.OPEN, caller.username(), now, null, null);
        store.insertRound(round);
        return round;
    }

    public List<NationalRound> list() {
        return store.rounds();
    }

    public Detail detail(UUID id) {
        NationalRound round = store.round(id).orElseThrow(() -> ApiException.notFound("Round " + id));
        return new Detail(round, store.dossiersOf(id));
    }

    /**
     * Replaces the round's selection with these approved applications, in this order. Their listings
     * must still be in force (ACTIVE in the registry), asked before the round is locked.
     */
    public Detail select(Caller caller, UUID roundId, RoundRules.SelectionRequest request) {
        List<UUID> ids = RoundRules.ordered(request);
        Map<UUID, ListingStatus> lapsed = inForce.notInForce(ids.stream().map(applications::find)
                .flatMap(java.util.Optional::stream).map(Application::listingId).filter(java.util.Objects::nonNull).toList());
        return transactions.execute(tx -> select(roundId, ids, lapsed));
    }

    private Detail select(UUID roundId, List<UUID> ids, Map<UUID, ListingStatus> lapsed) {
        NationalRound round = open(roundId, "change the selection of");
        List<Application> selected = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (UUID id : ids) {
            var found = applications.find(id);
            if (found.isEmpty()) {
                violations.add(new Violation("applicationIds", "no application " + id));
            } else if (found.get().state() != ApplicationState.APPROVED || found.get().listingId() == null) {
                violations.add(new Violation("applicationIds", "application " + id + " is " + found.get().state()
                        + (found.get().listingId() == null ? " without a registry listing yet" : "")
                        + ": only approved, registered provincial listings are recommended"));
            } else if (lapsed.containsKey(found.get().listingId())) {
                violations.add(new Violation("applicationIds", "application " + id + ": its listing "
                        + found.get().listingId() + " is " + lapsed.get(found.get().listingId())
                        + " in the registry: only listings in force (ACTIVE) are recommended"));
            } else {
                selected.add(found.get());
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        RoundRules.withinQuotas(selected.stream().map(a -> a.type().name()).toList(), round.quotas());
        List<UUID> elsewhere = store.recommendedElsewhere(roundId, selected.stream().map(Application::listingId).toList());
        if (!elsewhere.isEmpty()) {
            throw ApiException.conflict("recommended-already", "applicationIds",
                    "These listings are recommended in another round already: " + elsewhere)
                    .withProperty("listingIds", elsewhere);
        }
        store.deleteSelection(roundId);
        OffsetDateTime now = Times.now(clock);
        try {
            for (int i = 0; i < selected.size(); i++) {
                Application a = selected.get(i);
                store.insertDossier(UUID.randomUUID(), roundId, i + 1, a.id(), a.listingId(), a.type().name(), now);
            }
        } catch (DuplicateKeyException raced) {
            // another round selected one of them since the check above; its transaction came first
            throw ApiException.conflict("recommended-already", "applicationIds",
                    "One of these listings was just recommended in another round; read the rounds and choose again");
        }
        return detail(roundId);
    }

    /**
     * Submits the round: each dossier's content is fixed and queued for the national platform. A
     * listing revoked or suspended since it was selected stops the submission (409 naming it): the
     * administrator takes it out of the selection first.
     */
    public Detail submit(Caller caller, UUID roundId) {
        Map<UUID, ListingStatus> lapsed = inForce.notInForce(store.dossiersOf(roundId).stream().map(Dossier::listingId).toList());
        return transactions.execute(tx -> submit(caller, roundId, lapsed));
    }

    private Detail submit(Caller caller, UUID roundId, Map<UUID, ListingStatus> lapsed) {
        NationalRound round = open(roundId, "submit");
        List<Dossier> dossiers = store.dossiersOf(roundId);
        if (dossiers.isEmpty()) {
            throw ApiException.conflict("empty-round", "applicationIds", "Select the listings to recommend first");
        }
        List<Dossier> notInForce = dossiers.stream().filter(d -> lapsed.containsKey(d.listingId())).toList();
        if (!notInForce.isEmpty()) {
            throw ApiException.conflict("listing-not-in-force", "applicationIds", "These selected listings no longer hold "
                    + "their designation: " + notInForce.stream().map(d -> "application " + d.applicationId() + " (listing "
                    + d.listingId() + " is " + lapsed.get(d.listingId()) + ")").toList() + "; take them out of the selection")
                    .withProperty("listingIds", notInForce.stream().map(Dossier::listingId).toList());
        }
        OffsetDateTime now = Times.now(clock);
        for (Dossier d : dossiers) {
            Application a = applications.find(d.applicationId()).orElseThrow();
            store.queue(d.id(), payloads.of(d, round, a), now);
        }
        store.submitRound(roundId, caller.username(), now);
        events.publishEvent(new Submitted(roundId));
        return detail(roundId);
    }

    private NationalRound open(UUID roundId, String action) {
        NationalRound round = store.lockRound(roundId).orElseThrow(() -> ApiException.notFound("Round " + roundId));
        if (!NationalRound.OPEN.equals(round.status())) {
            throw ApiException.conflict("illegal-state", "status", "Cannot " + action + " a round that is " + round.status())
                    .withProperty("currentStatus", round.status());
        }
        if (Times.now(clock).isAfter(round.deadline())) {
            throw ApiException.conflict("round-closed", "deadline", "The round's deadline " + round.deadline() + " has passed")
                    .withProperty("currentStatus", round.status());
        }
        return round;
    }
}
