package io.greenportal.incentive.subsidy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.incentive.IllegalTransition;
import io.greenportal.incentive.Money;
import io.greenportal.incentive.grpc.RegistryClient;
import io.greenportal.incentive.program.Program;
import io.greenportal.incentive.program.ProgramKind;
import io.greenportal.incentive.program.ProgramStore;
import io.greenportal.incentive.subsidy.SubsidyApplication.ListingRef;
import io.greenportal.incentive.subsidy.SubsidyApplication.Project;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Page;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a subsidy application. Eligibility is asked of the registry when the enterprise
 * applies and again when a reviewer approves; approval draws on the program's budget in the same
 * transaction that moves the application, so the budget is never overspent.
 */
@Service
public class SubsidyService {

    private final SubsidyStore store;
    private final ProgramStore programs;
    private final RegistryClient registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SubsidyService(SubsidyStore store, ProgramStore programs, RegistryClient registry,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.programs = programs;
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Submitted(SubsidyApplication application, boolean created) {
    }

    public Submitted apply(Caller caller, ApplicationRequest request, String idempotencyKey) {
        String uscc = ownUscc(caller);
        if (request == null) {
            throw ApiException.invalid("body", "an application is required");
        }
        List<Violation> errors = new ArrayList<>();
        if (request.programId() == null) {
            errors.add(new Violation("programId", "is required"));
        }
        if (request.listingId() == null) {
            errors.add(new Violation("listingId", "is required: the registry listing the application rests on"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Program program = programs.find(request.programId())
                .orElseThrow(() -> ApiException.invalid("programId", "no program has the id " + request.programId()));
        Project project = project(program.kind(), request.project());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String fingerprint = idempotencyKey == null ? null : IdempotencyKeys.fingerprint(request);
        if (idempotencyKey != null) {
            var existing = IdempotencyKeys.replay(store.findByIdempotencyKey(uscc, idempotencyKey, fingerprint));
            if (existing.isPresent()) {
                return new Submitted(existing.get(), false);
            }
        }
        if (!program.openAt(now)) {
            throw new ApiException(HttpStatus.CONFLICT, "outside-application-window", null,
                    "Program " + program.code() + " accepts applications from " + program.opensAt() + " until "
                            + program.closesAt())
                    .withProperty("opensAt", program.opensAt().toString())
                    .withProperty("closesAt", program.closesAt().toString());
        }
        Listing listing = registry.listing(request.listingId().toString())
                .orElseThrow(() -> ApiException.invalid("listingId", "the registry has no listing " + request.listingId()));
        if (!listing.getEnterprise().getUscc().equals(uscc)) {
            throw ApiException.invalid("listingId", "listing " + request.listingId() + " is not a listing of your enterprise");
        }
        requireEligible(program, listing);
        BigDecimal proposed = program.amountRule().propose(program.kind(), listing,
                project == null ? null : project.totalInvestment());
        if (proposed.signum() <= 0) {
            throw ApiException.invalid("project.totalInvestment", "is too small for the program to propose any amount");
        }
        var enterprise = listing.getEnterprise();
        String city = enterprise.getCityCode().isBlank() ? enterprise.getRegionCode() : enterprise.getCityCode();
        SubsidyApplication application = new SubsidyApplication(UUID.randomUUID(), program.id(), program.kind(), uscc,
                enterprise.getName(), enterprise.getRegionCode(), city,
                new ListingRef(UUID.fromString(listing.getId()), listing.getType().name(), listing.getLevel().name(),
                        listing.getYear(), listing.getCertificateNumber()),
                project, proposed, null, ApplicationStatus.SUBMITTED, null, null, null, null, caller.username(), now, now,
                null);
        try {
            transactions.executeWithoutResult(tx -> {
                store.insert(application, idempotencyKey, fingerprint);
                store.event(application.id(), now, caller.username(), "SUBMIT", ApplicationStatus.SUBMITTED, proposed, null);
            });
        } catch (DuplicateKeyException e) {
            if (idempotencyKey != null) {
                var existing = IdempotencyKeys.replay(store.findByIdempotencyKey(uscc, idempotencyKey, fingerprint));
                if (existing.isPresent()) {
                    return new Submitted(existing.get(), false);
                }
            }
            throw program.kind() == ProgramKind.AWARD
                    ? ApiException.conflict("already-awarded", "listingId", "Listing " + listing.getCertificateNumber()
                            + " already has an award application; an award is paid once per listing")
                    : ApiException.conflict("duplicate-application", "programId",
                            "Your enterprise has applied to this program already");
        }
        return new Submitted(get(application.id(), caller), true);
    }

    /** Approves up to the proposed amount, if the listing still qualifies and the budget allows. */
    public SubsidyApplication approve(UUID id, BigDecimal requested, String comment, Caller reviewer) {
        BigDecimal amount = Money.check("amount", requested);
        String cleanComment = text("comment", comment, false, 1000);
        SubsidyApplication application = find(id);
        requireState(application, ApplicationStatus.SUBMITTED, "approve");
        if (amount.compareTo(application.proposedAmount()) > 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "amount-above-rule", "amount", "The program's rule allows at most "
                    + application.proposedAmount().toPlainString() + " CNY for this application")
                    .withProperty("proposedAmount", application.proposedAmount());
        }
        Program program = programs.find(application.programId()).orElseThrow();
        Listing listing = registry.listing(application.listing().id().toString())
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "not-eligible", null,
                        "The registry no longer has listing " + application.listing().certificateNumber()));
        requireEligible(program, listing);
        OffsetDateTime now = OffsetDateTime.now(clock);
        transactions.executeWithoutResult(tx -> {
            if (!store.approve(id, amount, cleanComment, reviewer.username(), now)) {
                throw movedOn(id, "approve");
            }
            if (!programs.commit(program.id(), amount, now)) {
                BigDecimal remaining = programs.find(program.id()).orElseThrow().remaining();
                throw new ApiException(HttpStatus.CONFLICT, "budget-exhausted", "amount", "The program has "
                        + remaining.toPlainString() + " CNY of its budget left, less than " + amount.toPlainString())
                        .withProperty("remaining", remaining);
            }
            store.event(id, now, reviewer.username(), "APPROVE", ApplicationStatus.APPROVED, amount, cleanComment);
        });
        return find(id).withHistory(store.history(id));
    }

    @Transactional
    public SubsidyApplication reject(UUID id, String reason, Caller reviewer) {
        String clean = text("reason", reason, true, 1000);
        SubsidyApplication application = find(id);
        requireState(application, ApplicationStatus.SUBMITTED, "reject");
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!store.reject(id, clean, reviewer.username(), now)) {
            throw movedOn(id, "reject");
        }
        store.event(id, now, reviewer.username(), "REJECT", ApplicationStatus.REJECTED, null, clean);
        return find(id).withHistory(store.history(id));
    }

    @Transactional
    public SubsidyApplication disburse(UUID id, LocalDate disbursedOn, String reference, Caller actor) {
        if (disbursedOn == null) {
            throw ApiException.invalid("disbursedOn", "is required (YYYY-MM-DD)");
        }
        if (disbursedOn.isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("disbursedOn", "cannot be in the future");
        }
        // the payment document number is what an auditor traces the money by; without it, no record
        String cleanReference = text("reference", reference, true, 100);
        SubsidyApplication application = find(id);
        requireState(application, ApplicationStatus.APPROVED, "record the disbursement of");
        if (disbursedOn.isBefore(application.decidedAt().toLocalDate())) {
            throw ApiException.invalid("disbursedOn", "cannot be before the approval on " + application.decidedAt().toLocalDate());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!store.disburse(id, disbursedOn, cleanReference, actor.username(), now)) {
            throw movedOn(id, "record the disbursement of");
        }
        programs.recordDisbursed(application.programId(), application.approvedAmount(), now);
        store.event(id, now, actor.username(), "DISBURSE", ApplicationStatus.DISBURSED, application.approvedAmount(),
                cleanReference);
        return find(id).withHistory(store.history(id));
    }

    @Transactional
    public SubsidyApplication withdraw(UUID id, Caller caller) {
        SubsidyApplication application = get(id, caller);
        requireState(application, ApplicationStatus.SUBMITTED, "withdraw");
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!store.withdraw(id, now)) {
            throw movedOn(id, "withdraw");
        }
        store.event(id, now, caller.username(), "WITHDRAW", ApplicationStatus.WITHDRAWN, null, null);
        return find(id).withHistory(store.history(id));
    }

    /** One application as the caller may see it: its own (enterprise), its city's (municipal), or any. */
    public SubsidyApplication get(UUID id, Caller caller) {
        SubsidyApplication application = find(id);
        SubsidyStore.Scope scope = scope(caller);
        if ((scope.uscc() != null && !scope.uscc().equals(application.uscc()))
                || (scope.cityCode() != null && !scope.cityCode().equals(application.cityCode()))) {
            throw ApiException.notFound("Subsidy application " + id);
        }
        return application.withHistory(store.history(id));
    }

    public Page<SubsidyApplication> list(Caller caller, UUID programId, ApplicationStatus status, int page, int size) {
        return store.list(scope(caller), programId, status, page, size);
    }

    static SubsidyStore.Scope scope(Caller caller) {
        if (caller.hasAny("admin", "reviewer-provincial")) {
            return new SubsidyStore.Scope(null, null);
        }
        if (caller.has("reviewer-municipal")) {
            if (caller.cityCode() == null) {
                throw ApiException.forbidden("Your account carries no city code");
            }
            return new SubsidyStore.Scope(null, caller.cityCode());
        }
        return new SubsidyStore.Scope(ownUscc(caller), null);
    }

    private static String ownUscc(Caller caller) {
        if (caller.uscc() == null) {
            throw ApiException.forbidden("Your account carries no enterprise credit code");
        }
        return caller.uscc();
    }

    private SubsidyApplication find(UUID id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Subsidy application " + id));
    }

    private static void requireEligible(Program program, Listing listing) {
        List<String> reasons = new ArrayList<>(program.eligibility().reasons(listing));
        if (program.kind() == ProgramKind.AWARD && program.amountRule().awardFor(listing).isEmpty()) {
            reasons.add("the program has no award for a " + listing.getLevel() + " " + listing.getType());
        }
        if (!reasons.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "not-eligible", "listingId",
                    "Listing " + listing.getCertificateNumber() + " does not qualify for program " + program.code() + ": "
                            + String.join("; ", reasons))
                    .withProperty("reasons", reasons);
        }
    }

    private static void requireState(SubsidyApplication application, ApplicationStatus wanted, String action) {
        if (application.status() != wanted) {
            throw IllegalTransition.of("subsidy-application", application.status(),
                    "Cannot " + action + " an application that is " + application.status());
        }
    }

    private ApiException movedOn(UUID id, String action) {
        return IllegalTransition.of("subsidy-application", find(id).status(),
                "Cannot " + action + " the application: it changed meanwhile");
    }

    private static Project project(ProgramKind kind, ApplicationRequest.ProjectInput input) {
        if (kind != ProgramKind.RETROFIT) {
            if (input != null) {
                throw ApiException.invalid("project", "applies only to RETROFIT programs");
            }
            return null;
        }
        if (input == null) {
            throw ApiException.invalid("project", "is required for a RETROFIT program: name and totalInvestment");
        }
        List<Violation> errors = new ArrayList<>();
        String name = null;
        String content = null;
        BigDecimal investment = null;
        try {
            name = text("project.name", input.name(), true, 200);
        } catch (ApiException e) {
            errors.add(new Violation("project.name", e.getMessage()));
        }
        try {
            content = text("project.content", input.content(), false, 2000);
        } catch (ApiException e) {
            errors.add(new Violation("project.content", e.getMessage()));
        }
        try {
            investment = Money.check("project.totalInvestment", input.totalInvestment());
        } catch (ApiException e) {
            errors.add(new Violation("project.totalInvestment", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Project(name, content, investment);
    }

    static String text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalid(field, value == null ? "is required" : "must not be blank");
            }
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw ApiException.invalid(field, "must be at most " + max + " characters");
        }
        return clean;
    }
}
