package io.greenportal.incentive.referral;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.incentive.IllegalTransition;
import io.greenportal.incentive.Money;
import io.greenportal.incentive.bank.Bank;
import io.greenportal.incentive.bank.Banks;
import io.greenportal.incentive.grpc.RegistryClient;
import io.greenportal.incentive.referral.CreditReferral.QualifyingListing;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import io.greenportal.platform.web.FreeText;
import io.greenportal.platform.web.Page;

/**
 * Green-credit referrals. An enterprise needs an ACTIVE listing in the registry to ask; banks take
 * referrals first come, first served; only the holding bank decides and reports the disbursement.
 */
@Service
public class ReferralService {

    static final BigDecimal MAX_RATE = new BigDecimal("24");

    private final ReferralStore store;
    private final Banks banks;
    private final RegistryClient registry;
    private final Clock clock;

    public ReferralService(ReferralStore store, Banks banks, RegistryClient registry, Clock clock) {
        this.store = store;
        this.banks = banks;
        this.registry = registry;
        this.clock = clock;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CreditReferralRequest")
    public record Request(BigDecimal amount, Integer termMonths, @FreeText(max = 2000) String purpose, String projectReference, String bankId) {
    }

    public record Submitted(CreditReferral referral, boolean created) {
    }

    public Submitted request(Caller caller, Request request, String idempotencyKey) {
        String uscc = ownUscc(caller);
        if (request == null) {
            throw ApiException.invalid("body", "a referral request is required");
        }
        List<Violation> errors = new ArrayList<>();
        BigDecimal amount = collect(errors, () -> Money.check("amount", request.amount()));
        if (request.termMonths() == null) {
            errors.add(new Violation("termMonths", "is required: 1 to 360 months"));
        } else if (request.termMonths() < 1 || request.termMonths() > 360) {
            errors.add(new Violation("termMonths", "must be 1 to 360 months, not " + request.termMonths()));
        }
        String purpose = collect(errors, () -> text("purpose", request.purpose(), true, 1000));
        String project = collect(errors, () -> text("projectReference", request.projectReference(), false, 200));
        String target = request.bankId() == null || request.bankId().isBlank() ? null : request.bankId().strip();
        if (target != null && banks.find(target).filter(Bank::active).isEmpty()) {
            errors.add(new Violation("bankId", "'" + target + "' is not a participating bank; leave it out to ask all banks"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String fingerprint = idempotencyKey == null ? null : IdempotencyKeys.fingerprint(request);
        if (idempotencyKey != null) {
            var existing = IdempotencyKeys.replay(store.findByIdempotencyKey(uscc, idempotencyKey, fingerprint));
            if (existing.isPresent()) {
                return new Submitted(existing.get(), false);
            }
        }
        EnterpriseListings holder = registry.enterprise(uscc);
        Listing qualifying = qualifying(holder);
        OffsetDateTime now = OffsetDateTime.now(clock);
        CreditReferral referral = new CreditReferral(UUID.randomUUID(), uscc, holder.getEnterprise().getName(),
                holder.getEnterprise().getRegionCode(),
                new QualifyingListing(UUID.fromString(qualifying.getId()), qualifying.getCertificateNumber(),
                        qualifying.getType().name(), qualifying.getLevel().name()),
                amount, request.termMonths(), purpose, project, target, ReferralStatus.OPEN, null, now, null, null, null,
                null, null, now);
        try {
            store.insert(referral, caller.username(), idempotencyKey, fingerprint);
        } catch (DuplicateKeyException e) {
            return new Submitted(IdempotencyKeys.replay(store.findByIdempotencyKey(uscc, idempotencyKey, fingerprint))
                    .orElseThrow(), false);
        }
        return new Submitted(store.find(referral.id()).orElseThrow(), true);
    }

    public Page<CreditReferral> list(Caller caller, Set<ReferralStatus> statuses, int page, int size) {
        if (caller.has("admin")) {
            return store.all(statuses, page, size);
        }
        if (caller.has("bank")) {
            return store.forBank(banks.of(caller).id(), statuses, page, size);
        }
        return store.forEnterprise(ownUscc(caller), statuses, page, size);
    }

    public CreditReferral get(UUID id, Caller caller) {
        CreditReferral referral = store.find(id).orElseThrow(() -> notFound(id));
        if (caller.has("admin")) {
            return referral;
        }
        if (caller.has("bank")) {
            if (!store.visibleToBank(id, banks.of(caller).id())) {
                throw notFound(id);
            }
            return referral;
        }
        if (!referral.uscc().equals(ownUscc(caller))) {
            throw notFound(id);
        }
        return referral;
    }

    /** The first bank to accept holds the referral; it then leaves every other bank's queue. */
    public CreditReferral accept(UUID id, Caller caller) {
        Bank bank = banks.of(caller);
        CreditReferral referral = store.find(id).orElseThrow(() -> notFound(id));
        if (referral.targetBank() != null && !referral.targetBank().equals(bank.id())) {
            throw notFound(id);
        }
        if (store.accept(id, bank.id(), caller.username(), OffsetDateTime.now(clock))) {
            return store.find(id).orElseThrow();
        }
        CreditReferral now = store.find(id).orElseThrow();
        if (bank.id().equals(now.bankId()) && now.status() == ReferralStatus.ACCEPTED) {
            return now; // accepting twice is harmless
        }
        if (now.bankId() != null && !bank.id().equals(now.bankId())) {
            // another bank holds it: gone from this bank's queue, as its read says; what became of it
            // (approved, declined, paid, withdrawn) is that bank's and the enterprise's business
            throw notFound(id);
        }
        throw IllegalTransition.of("credit-referral", now.status(), now.status() == ReferralStatus.WITHDRAWN
                ? "The enterprise withdrew this referral"
                : "This referral can no longer be accepted");
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CreditReferralDecisionRequest")
    public record Decision(String outcome, BigDecimal approvedAmount, BigDecimal annualRatePercent, Integer termMonths,
            @FreeText(max = 2000) String reason) {
    }

    public CreditReferral decide(UUID id, Decision decision, Caller caller) {
        Bank bank = banks.of(caller);
        CreditReferral referral = held(id, bank);
        if (decision == null || decision.outcome() == null) {
            throw ApiException.invalid("outcome", "is required: APPROVED or DECLINED");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean done;
        switch (decision.outcome()) {
            case "APPROVED" -> {
                Approval approval = approval(decision, referral);
                requireState(referral, ReferralStatus.ACCEPTED, "decide on");
                done = store.approve(id, bank.id(), approval.amount(), approval.annualRatePercent(),
                        approval.termMonths(), now);
            }
            case "DECLINED" -> {
                String reason = text("reason", decision.reason(), true, 1000);
                if (decision.approvedAmount() != null || decision.annualRatePercent() != null) {
                    throw ApiException.invalid("approvedAmount", "a decline carries no amount or rate");
                }
                requireState(referral, ReferralStatus.ACCEPTED, "decide on");
                done = store.decline(id, bank.id(), reason, now);
            }
            default -> throw ApiException.invalid("outcome", "'" + decision.outcome()
                    + "' is not an outcome: must be APPROVED or DECLINED (upper case, exactly as written)");
        }
        if (!done) {
            throw IllegalTransition.of("credit-referral", store.find(id).orElseThrow().status(),
                    "The referral changed meanwhile");
        }
        return store.find(id).orElseThrow();
    }

    /** A bank's approval as it is recorded. */
    record Approval(BigDecimal amount, BigDecimal annualRatePercent, int termMonths) {
    }

    /**
     * An approval, checked: at most the amount asked for, a yearly rate above 0 and at most 24 % with up to
     * four decimals, a term of 1-360 months (the one asked for unless the bank sets another), no reason.
     */
    static Approval approval(Decision decision, CreditReferral referral) {
        List<Violation> errors = new ArrayList<>();
        BigDecimal amount = collect(errors, () -> Money.check("approvedAmount", decision.approvedAmount()));
        if (amount != null && amount.compareTo(referral.amount()) > 0) {
            errors.add(new Violation("approvedAmount", "cannot exceed the " + referral.amount().toPlainString()
                    + " CNY the enterprise asked for"));
        }
        BigDecimal rate = decision.annualRatePercent();
        if (rate == null) {
            errors.add(new Violation("annualRatePercent", "is required: a yearly rate in percent above 0 and at most 24, up to four decimals"));
        } else if (rate.signum() <= 0 || rate.compareTo(MAX_RATE) > 0) {
            errors.add(new Violation("annualRatePercent", "must be above 0 and at most 24 (percent a year), not " + rate.toPlainString()));
        } else if (rate.stripTrailingZeros().scale() > 4) {
            errors.add(new Violation("annualRatePercent", "may have at most four decimals, not " + rate.toPlainString()));
        }
        int term = decision.termMonths() == null ? referral.termMonths() : decision.termMonths();
        if (term < 1 || term > 360) {
            errors.add(new Violation("termMonths", "must be 1 to 360 months, not " + term));
        }
        if (decision.reason() != null && !decision.reason().isBlank()) {
            errors.add(new Violation("reason", "is for declines only"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Approval(amount, rate, term);
    }

    /** The listing a referral rests on: an ACTIVE one, national before provincial before municipal, then the newest. */
    static Listing qualifying(EnterpriseListings holder) {
        return holder.getListingsList().stream()
                .filter(l -> l.getStatus() == ListingStatus.ACTIVE)
                .min(Comparator.comparing((Listing l) -> levelRank(l.getLevel())).thenComparing(Listing::getYear,
                        Comparator.reverseOrder()))
                .orElseThrow(() -> noActiveListing(holder));
    }

    public record DisbursementReport(BigDecimal amount, LocalDate disbursedOn, String loanReference) {
    }

    public CreditReferral disburse(UUID id, DisbursementReport report, Caller caller) {
        Bank bank = banks.of(caller);
        // looked up first: another bank's referral is a 404 whatever the body says
        CreditReferral referral = held(id, bank);
        if (report == null) {
            throw ApiException.invalid("body", "a disbursement report is required");
        }
        BigDecimal amount = Money.check("amount", report.amount());
        if (report.disbursedOn() == null) {
            throw ApiException.invalid("disbursedOn", "is required (YYYY-MM-DD)");
        }
        if (report.disbursedOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("disbursedOn", "cannot be in the future");
        }
        String reference = text("loanReference", report.loanReference(), false, 100);
        requireState(referral, ReferralStatus.APPROVED, "report the disbursement of");
        if (amount.compareTo(referral.decision().approvedAmount()) > 0) {
            throw ApiException.invalid("amount", "cannot exceed the approved " + referral.decision().approvedAmount().toPlainString() + " CNY");
        }
        if (report.disbursedOn().isBefore(referral.decidedAt().toLocalDate())) {
            throw ApiException.invalid("disbursedOn", "cannot be before the approval on " + referral.decidedAt().toLocalDate());
        }
        if (!store.disburse(id, bank.id(), amount, report.disbursedOn(), reference, OffsetDateTime.now(clock))) {
            throw IllegalTransition.of("credit-referral", store.find(id).orElseThrow().status(),
                    "The referral changed meanwhile");
        }
        return store.find(id).orElseThrow();
    }

    public CreditReferral withdraw(UUID id, Caller caller) {
        CreditReferral referral = get(id, caller);
        if (!store.withdraw(id, referral.uscc(), OffsetDateTime.now(clock))) {
            throw IllegalTransition.of("credit-referral", store.find(id).orElseThrow().status(),
                    "Only an OPEN or ACCEPTED referral can be withdrawn");
        }
        return store.find(id).orElseThrow();
    }

    public List<ReferralStore.BankResponseTimes> responseTimes() {
        return store.responseTimes();
    }

    /**
     * The referral if this bank holds it. One still open to it (in its queue, not yet accepted) is a
     * 409 naming its state; another bank's, or one the bank cannot see, is "not found".
     */
    private CreditReferral held(UUID id, Bank bank) {
        CreditReferral referral = store.find(id).orElseThrow(() -> notFound(id));
        if (bank.id().equals(referral.bankId())) {
            return referral;
        }
        if (referral.bankId() == null && store.visibleToBank(id, bank.id())) {
            throw IllegalTransition.of("credit-referral", referral.status(),
                    "Accept the referral first: only the bank that accepted it decides on it and reports its disbursement");
        }
        throw notFound(id);
    }

    private static void requireState(CreditReferral referral, ReferralStatus wanted, String action) {
        if (referral.status() != wanted) {
            throw IllegalTransition.of("credit-referral", referral.status(),
                    "Cannot " + action + " a referral that is " + referral.status());
        }
    }

    private static ApiException noActiveListing(EnterpriseListings holder) {
        List<Map<String, String>> listings = holder.getListingsList().stream()
                .map(l -> Map.of("certificateNumber", l.getCertificateNumber(), "status", l.getStatus().name(),
                        "statusReason", l.getStatusReason()))
                .toList();
        String detail = !holder.getFound() || holder.getListingsCount() == 0
                ? "Your enterprise holds no green listing in the registry; a referral needs an ACTIVE one"
                : "Your enterprise holds no ACTIVE green listing: " + String.join("; ", holder.getListingsList().stream()
                        .map(l -> l.getCertificateNumber() + " is " + l.getStatus()
                                + (l.getStatusReason().isBlank() ? "" : " (" + l.getStatusReason() + ")"))
                        .toList());
        return new ApiException(HttpStatus.CONFLICT, "no-active-listing", null, detail).withProperty("listings", listings);
    }

    private static int levelRank(Level level) {
        return switch (level) {
            case NATIONAL -> 0;
            case PROVINCIAL -> 1;
            default -> 2;
        };
    }

    private static String ownUscc(Caller caller) {
        if (caller.uscc() == null) {
            throw ApiException.forbidden("Your account carries no enterprise credit code");
        }
        return caller.uscc();
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("Credit referral " + id);
    }

    private static <T> T collect(List<Violation> errors, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ApiException e) {
            errors.add(new Violation(e.field(), e.getMessage()));
            return null;
        }
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
