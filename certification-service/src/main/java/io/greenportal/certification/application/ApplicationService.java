package io.greenportal.certification.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.greenportal.certification.batch.Batch;
import io.greenportal.certification.batch.BatchStore;
import io.greenportal.certification.document.DocumentStore;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;
import io.greenportal.platform.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The enterprise's side of an application: drafting, submitting, withdrawing; and reading it.
 * Whatever needs the registry (its reference codes, the registered name) is asked before the
 * transaction starts and the row is locked, so a slow registry holds neither a lock nor a pooled
 * connection; inside the transaction the state is checked again and a move meanwhile is a 409.
 */
@Service
public class ApplicationService {

    private final ApplicationStore applications;
    private final BatchStore batches;
    private final DocumentStore documents;
    private final ApplicationRules rules;
    private final ApplicationAccess access;
    private final Workflow workflow;
    private final History history;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RegisteredEnterprises registeredEnterprises;
    private final EvaluationCheck evaluation;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ApplicationService(ApplicationStore applications, BatchStore batches, DocumentStore documents,
            ApplicationRules rules, ApplicationAccess access, Workflow workflow, History history, JdbcClient jdbc,
            JsonMapper json, RegisteredEnterprises registeredEnterprises, EvaluationCheck evaluation, TransactionTemplate transactions,
            Clock clock) {
        this.applications = applications;
        this.batches = batches;
        this.documents = documents;
        this.rules = rules;
        this.access = access;
        this.workflow = workflow;
        this.history = history;
        this.jdbc = jdbc;
        this.json = json;
        this.registeredEnterprises = registeredEnterprises;
        this.evaluation = evaluation;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Created(Application application, boolean created) {
    }

    public Created create(Caller caller, ApplicationRequest request, String idempotencyKey) {
        return create(caller, request, idempotencyKey, idempotencyKey == null ? null : IdempotencyKeys.fingerprint(request));
    }

    /**
     * As {@link #create(Caller, ApplicationRequest, String)}; with no {@code fingerprint} the key
     * alone decides (the demo data's keys: its requests change with the year's batch).
     */
    public Created create(Caller caller, ApplicationRequest request, String idempotencyKey, String fingerprint) {
        String uscc = requireUscc(caller);
        if (idempotencyKey != null) {
            var existing = IdempotencyKeys.replay(applications.findByIdempotencyKey(uscc, idempotencyKey, fingerprint));
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
        }
        if (request.batchId() == null) {
            throw ApiException.invalid("batchId", "is required");
        }
        OffsetDateTime now = Times.now(clock);
        // a batch not yet open is not announced: enterprises learn nothing of it here either (as its read)
        Batch batch = batches.find(request.batchId()).filter(b -> b.phaseAt(now) != Batch.Phase.UPCOMING)
                .orElseThrow(() -> ApiException.invalid("batchId", "no batch " + request.batchId()));
        if (batch.phaseAt(now) != Batch.Phase.OPEN) {
            throw ApiException.conflict("batch-not-open", "batchId", "Batch '" + batch.name() + "' is "
                    + batch.phaseAt(now) + ": it takes applications from " + batch.opensAt() + " to " + batch.deadline())
                    .withProperty("batchPhase", batch.phaseAt(now).name());
        }
        ListingType type = type(request.type());
        if (!batch.types().contains(type)) {
            throw ApiException.invalid("type", "batch '" + batch.name() + "' takes only " + batch.types());
        }
        ApplicationRules.Content c = asRegistered(uscc, type, rules.check(type, request)); // may ask the registry
        Application application = new Application(UUID.randomUUID(), batch.id(), uscc, caller.username(), type,
                ApplicationState.DRAFT, 0, c.enterpriseName(), c.regionCode(), c.cityCode(), c.industryCode(),
                c.subject(), c.selfScore(), c.indicators(), null, null, null, null, null, null, null, now, now);
        try {
            transactions.executeWithoutResult(status -> {
                applications.insert(application, idempotencyKey, fingerprint);
                workflow.created(application, caller);
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the same Idempotency-Key sent twice at once: the first one created it
            var first = idempotencyKey == null ? java.util.Optional.<Application>empty()
                    : IdempotencyKeys.replay(applications.findByIdempotencyKey(uscc, idempotencyKey, fingerprint));
            return new Created(first.orElseThrow(() -> e), false);
        }
        return new Created(application, true);
    }

    public Application update(Caller caller, UUID id, ApplicationRequest request) {
        ApplicationRules.checkNumbers(request);
        Application seen = editable(caller, id, "edit");
        if (request.batchId() != null && !request.batchId().equals(seen.batchId())) {
            throw ApiException.invalid("batchId", "an application stays in the batch it was created in");
        }
        if (request.type() != null && !request.type().strip().equals(seen.type().name())) {
            throw ApiException.invalid("type", "an application keeps the type it was created with");
        }
        ApplicationRules.Content c = asRegistered(seen.uscc(), seen.type(), rules.check(seen.type(), request)); // may ask the registry
        return transactions.execute(status -> {
            Application current = access.requireOwner(caller, workflow.lock(id));
            Workflow.require(current, ApplicationState.EDITABLE, "edit");
            Application edited = new Application(current.id(), current.batchId(), current.uscc(), current.owner(),
                    current.type(), current.state(), current.round(), c.enterpriseName(), c.regionCode(), c.cityCode(),
                    c.industryCode(), c.subject(), c.selfScore(), c.indicators(), current.evaluationBody(),
                    current.evaluationReport(), current.expertMean(), current.publicityStartsAt(), current.publicityEndsAt(),
                    current.listingId(), current.certificateNumber(), current.createdAt(), current.updatedAt());
            applications.updateContent(edited, Times.now(clock));
            return applications.find(id).orElseThrow();
        });
    }

    /**
     * A draft names the enterprise as the registry knows it, from the first save: an evaluation body
     * engaged on it, and its reviewers, must never see another firm's name next to this credit code,
     * nor a region in another city (which would send it to that city's reviewers). An enterprise the
     * registry does not know yet, or a registry that cannot be asked, leaves it as typed; submission
     * checks again.
     */
    private ApplicationRules.Content asRegistered(String uscc, ListingType type, ApplicationRules.Content c) {
        var registered = registeredEnterprises.forDraft(uscc).orElse(null);
        if (registered == null) {
            return c;
        }
        registered.requireReviewedIn(c.cityCode());
        registered.requireNotHeld(type, c.subject());
        String industry = registered.industryCode().isEmpty() ? c.industryCode() : registered.industryCode();
        String region = registered.regionFor(c.regionCode());
        return registered.name().equals(c.enterpriseName()) && java.util.Objects.equals(industry, c.industryCode())
                && java.util.Objects.equals(region, c.regionCode()) ? c
                : new ApplicationRules.Content(registered.name(), region,
                        region == null ? null : io.greenportal.platform.creditcode.DivisionCodes.cityOf(region), industry,
                        c.subject(), c.selfScore(), c.indicators(), c.evaluationBody(), c.evaluationReport());
    }

    /** The caller's application as it is now (not locked), if the caller may {@code action} it in this state. */
    private Application editable(Caller caller, UUID id, String action) {
        Application current = access.requireOwner(caller, applications.find(id)
                .orElseThrow(() -> ApiException.notFound("Application " + id)));
        Workflow.require(current, ApplicationState.EDITABLE, action);
        return current;
    }

    /**
     * Submits a draft, or resubmits a returned application as a new round. Checks completeness and,
     * for the first submission, the batch deadline. The application goes straight on to municipal review.
     */
    public Application submit(Caller caller, UUID id, String comment) {
        Application seen = editable(caller, id, "submit");
        // the public notice names the enterprise as the registry knows it, not as it was typed; the
        // credit code never changes, so the record asked for before the lock is the one to use
        var registered = registeredEnterprises.of(seen.uscc()).orElse(null);
        return transactions.execute(status -> submitLocked(caller, id, registered, comment));
    }

    private Application submitLocked(Caller caller, UUID id, RegisteredEnterprises.Registered registered, String comment) {
        Application current = access.requireOwner(caller, workflow.lock(id));
        Workflow.Submission submission = Workflow.submission(current);
        if (registered != null) {
            // the registry is asked again at submission: the city may have changed since the draft was
            // saved, or a designation been granted
            registered.requireReviewedIn(current.cityCode());
            registered.requireNotHeld(current.type(), current.subject());
        }
        requireNoOtherApplicationFor(current);
        if (registered != null) {
            String industry = registered.industryCode().isEmpty() ? current.industryCode() : registered.industryCode();
            String region = registered.regionFor(current.regionCode());
            if (!registered.name().equals(current.enterpriseName()) || !java.util.Objects.equals(industry, current.industryCode())
                    || !java.util.Objects.equals(region, current.regionCode())) {
                applications.setRegisteredEnterprise(id, registered.name(), region, industry, Times.now(clock));
                current = applications.find(id).orElseThrow();
            }
        }
        var missing = rules.missing(current, evaluation.readiness(id));
        if (!missing.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "incomplete-application",
                    missing.getFirst().field(), "The application is not complete: " + missing.stream()
                            .map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""))
                    .withProperty("errors", missing);
        }
        OffsetDateTime now = Times.now(clock);
        if (submission.deadlineApplies()) {
            Batch batch = batches.find(current.batchId()).orElseThrow();
            if (batch.phaseAt(now) != Batch.Phase.OPEN) {
                throw ApiException.conflict("batch-not-open", "batchId", "Batch '" + batch.name() + "' takes "
                        + "applications until " + batch.deadline() + "; it is " + batch.phaseAt(now))
                        .withProperty("batchPhase", batch.phaseAt(now).name())
                        .withProperty("currentState", current.state().name());
            }
        }
        int round = submission.round();
        applications.startRound(id, round);
        Application inRound = applications.find(id).orElseThrow();
        jdbc.sql("""
                insert into application_round (application_id, round, submitted_at, submitted_by, snapshot)
                values (:id, :round, :at, :by, cast(:snapshot as jsonb))""")
                .param("id", id).param("round", round).param("at", now).param("by", caller.username())
                .param("snapshot", json.writeValueAsString(Map.of("application", inRound,
                        "documents", documents.list(id).stream().filter(d -> d.round() == round).toList())))
                .update();
        Application submitted = workflow.move(inRound, ApplicationState.SUBMITTED, caller, clean(comment));
        return workflow.move(submitted, submission.reviewStage(), Caller.SYSTEM, submission.comment());
    }

    /**
     * A 409 when another application of the enterprise for the same designation is under way (submitted,
     * in review, returned for changes, in publicity, or approved and not yet registered): two parallel
     * applications would be granted twice. Submissions of one enterprise take turns here.
     */
    private void requireNoOtherApplicationFor(Application current) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('submission:' || :uscc))").param("uscc", current.uscc())
                .query((rs, n) -> 1).single();
        String wanted = Designations.key(current.type(), current.subject());
        applications.underWay(current.uscc(), current.type()).stream()
                .filter(other -> !other.id().equals(current.id()))
                .filter(other -> Designations.key(other.type(), other.subject()).equals(wanted))
                .findFirst().ifPresent(other -> {
                    throw ApiException.conflict("already-applied", "subject", "Application " + other.id()
                            + " of the enterprise for the same designation is " + other.state()
                            + (other.state() == ApplicationState.RETURNED ? ": resubmit that one, or withdraw it first" : ""))
                            .withProperty("applicationId", other.id().toString());
                });
    }

    @Transactional
    public Application withdraw(Caller caller, UUID id, String comment) {
        Application current = access.requireOwner(caller, workflow.lock(id));
        Workflow.require(current, ApplicationState.WITHDRAWABLE, "withdraw");
        return workflow.move(current, ApplicationState.WITHDRAWN, caller, clean(comment));
    }

    public Application get(Caller caller, UUID id) {
        return access.visible(caller, applications.find(id).orElseThrow(() -> ApiException.notFound("Application " + id)));
    }

    public List<History.Entry> history(Caller caller, UUID id) {
        get(caller, id);
        return history.of(id);
    }

    public record Round(int round, OffsetDateTime submittedAt, String submittedBy) {
    }

    public List<Round> rounds(UUID id) {
        return jdbc.sql("select round, submitted_at, submitted_by from application_round where application_id = :id order by round")
                .param("id", id)
                .query((rs, n) -> new Round(rs.getInt(1), Times.local(rs.getObject(2, OffsetDateTime.class)), rs.getString(3)))
                .list();
    }

    /**
     * The caller's list: an enterprise its own applications; a municipal reviewer its city's queue
     * (default MUNICIPAL_REVIEW); a provincial reviewer the provincial stages (default PROVINCIAL_REVIEW,
     * EXPERT_REVIEW, PUBLICITY); an expert the applications assigned to them in the current round
     * (default EXPERT_REVIEW); an administrator every submitted application.
     */
    public Page<Application> list(Caller caller, Set<ApplicationState> states, UUID batchId, int page, int size) {
        boolean chosen = states != null && !states.isEmpty();
        ApplicationStore.Query query;
        if (caller.has(Caller.ENTERPRISE)) {
            query = new ApplicationStore.Query(requireUscc(caller), null, states, null, false, batchId);
        } else if (caller.has(Caller.PROVINCIAL)) {
            query = new ApplicationStore.Query(null, null, chosen ? states : EnumSet.of(ApplicationState.PROVINCIAL_REVIEW,
                    ApplicationState.EXPERT_REVIEW, ApplicationState.PUBLICITY), null, true, batchId);
        } else if (caller.has(Caller.MUNICIPAL)) {
            if (caller.cityCode() == null) {
                throw ApiException.forbidden("Your account carries no city code");
            }
            query = new ApplicationStore.Query(null, caller.cityCode(), chosen ? states
                    : EnumSet.of(ApplicationState.MUNICIPAL_REVIEW), null, true, batchId);
        } else if (caller.has(Caller.EXPERT)) {
            query = new ApplicationStore.Query(null, null, chosen ? states : EnumSet.of(ApplicationState.EXPERT_REVIEW),
                    caller.username(), true, batchId);
        } else {
            query = new ApplicationStore.Query(null, null, states, null, true, batchId);
        }
        if (!caller.has(Caller.ENTERPRISE) && query.states() != null && query.states().contains(ApplicationState.DRAFT)) {
            throw ApiException.invalid("state", "drafts are their enterprise's own");
        }
        return new Page<>(applications.list(query, page, size), page, size, applications.count(query));
    }

    static String requireUscc(Caller caller) {
        if (caller.uscc() == null) {
            throw ApiException.forbidden("Your account carries no enterprise credit code (uscc)");
        }
        return caller.uscc();
    }

    static ListingType type(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("type", "is required: one of " + List.of(ListingType.values()));
        }
        try {
            return ListingType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("type", "'" + value + "' is not one of " + List.of(ListingType.values()));
        }
    }

    static String clean(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String trimmed = comment.strip();
        if (trimmed.length() > 2000) {
            throw ApiException.invalid("comment", "must be at most 2000 characters");
        }
        return trimmed;
    }
}
