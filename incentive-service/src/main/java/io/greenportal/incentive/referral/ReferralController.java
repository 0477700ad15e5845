package io.greenportal.incentive.referral;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.PageParameters;
import io.greenportal.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Green-credit referrals. Enterprises ask and follow their own; banks see the referrals open to them
 * and those they hold; administrators read everything and the banks' response times.
 */
@RestController
@RequestMapping("/api/v1/incentives/credit-referrals")
public class ReferralController {

    private final ReferralService service;

    public ReferralController(ReferralService service) {
        this.service = service;
    }

    @Operation(summary = "Ask participating banks for green credit (enterprises with an ACTIVE listing); bankId addresses one bank")
    @PostMapping
    @PreAuthorize("hasRole('enterprise')")
    public ResponseEntity<CreditReferral> request(@RequestBody ReferralService.Request request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        var submitted = service.request(Caller.of(authentication), request, IdempotencyKeys.check(idempotencyKey));
        URI location = URI.create("/api/v1/incentives/credit-referrals/" + submitted.referral().id());
        return submitted.created() ? ResponseEntity.created(location).body(submitted.referral())
                : ResponseEntity.ok().location(location).body(submitted.referral());
    }

    @Operation(summary = "Referrals, newest first: an enterprise's own; a bank's queue (open to it) and those it holds; "
            + "all for administrators. Paged like every list: items, page, size, total")
    @GetMapping
    @PreAuthorize("hasAnyRole('admin','enterprise','bank')")
    public Page<CreditReferral> list(@RequestParam(required = false) List<ReferralStatus> status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        PageParameters.check(page, size);
        return service.list(Caller.of(authentication), status == null ? Set.of() : Set.copyOf(status), page, size);
    }

    @Operation(summary = "Mean response times per bank: request to acceptance, acceptance to decision (administrators)")
    @GetMapping("/response-times")
    @PreAuthorize("hasRole('admin')")
    public List<ReferralStore.BankResponseTimes> responseTimes() {
        return service.responseTimes();
    }

    @Operation(summary = "One referral the caller may see")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('admin','enterprise','bank')")
    public CreditReferral get(@PathVariable UUID id, Authentication authentication) {
        return service.get(id, Caller.of(authentication));
    }

    @Operation(summary = "Accept an open referral (banks): the first bank wins; others get 409")
    @PostMapping("/{id}/acceptance")
    @PreAuthorize("hasRole('bank')")
    public CreditReferral accept(@PathVariable UUID id, Authentication authentication) {
        return service.accept(id, Caller.of(authentication));
    }

    @Operation(summary = "Decide a held referral: APPROVED with amount, rate and term, or DECLINED with a reason (the holding bank)")
    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('bank')")
    public CreditReferral decide(@PathVariable UUID id, @RequestBody ReferralService.Decision decision,
            Authentication authentication) {
        return service.decide(id, decision, Caller.of(authentication));
    }

    @Operation(summary = "Report the loan's disbursement (the holding bank)")
    @PostMapping("/{id}/disbursement")
    @PreAuthorize("hasRole('bank')")
    public CreditReferral disburse(@PathVariable UUID id, @RequestBody ReferralService.DisbursementReport report,
            Authentication authentication) {
        return service.disburse(id, report, Caller.of(authentication));
    }

    @Operation(summary = "Withdraw your own referral while it is OPEN or ACCEPTED (enterprises)")
    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasRole('enterprise')")
    public CreditReferral withdraw(@PathVariable UUID id, Authentication authentication) {
        return service.withdraw(id, Caller.of(authentication));
    }
}
