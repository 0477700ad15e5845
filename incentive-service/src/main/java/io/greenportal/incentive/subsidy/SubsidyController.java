package io.greenportal.incentive.subsidy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.PageParameters;
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
import io.greenportal.platform.web.FreeText;

/**
 * Subsidy applications. Enterprises apply and see their own; municipal reviewers read their city's;
 * provincial reviewers and administrators read all, approve or reject, and record disbursements.
 */
@RestController
@RequestMapping("/api/v1/incentives/subsidy-applications")
public class SubsidyController {

    static final String READERS = "hasAnyRole('admin','enterprise','reviewer-municipal','reviewer-provincial')";
    static final String DECIDERS = "hasAnyRole('admin','reviewer-provincial')";

    private final SubsidyService service;

    public SubsidyController(SubsidyService service) {
        this.service = service;
    }

    @Operation(summary = "Apply to a program with one of your listings (enterprises); eligibility is checked against the registry")
    @PostMapping
    @PreAuthorize("hasRole('enterprise')")
    public ResponseEntity<SubsidyApplication> apply(@RequestBody ApplicationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        var submitted = service.apply(Caller.of(authentication), request, IdempotencyKeys.check(idempotencyKey));
        URI location = URI.create("/api/v1/incentives/subsidy-applications/" + submitted.application().id());
        return submitted.created() ? ResponseEntity.created(location).body(submitted.application())
                : ResponseEntity.ok().location(location).body(submitted.application());
    }

    public record ApplicationPage(List<SubsidyApplication> items, int page, int size, long total) {
    }

    @Operation(summary = "Applications the caller may see, newest first: own (enterprise), city's (municipal reviewer), all")
    @GetMapping
    @PreAuthorize(READERS)
    public ApplicationPage list(@RequestParam(required = false) UUID programId,
            @RequestParam(required = false) ApplicationStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        PageParameters.check(page, size);
        var result = service.list(Caller.of(authentication), programId, status, page, size);
        return new ApplicationPage(result.items(), result.page(), result.size(), result.total());
    }

    @Operation(summary = "One application with its history")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public SubsidyApplication get(@PathVariable UUID id, Authentication authentication) {
        return service.get(id, Caller.of(authentication));
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "SubsidyApprovalRequest")
    public record Approval(BigDecimal amount, @FreeText(max = 2000) String comment) {
    }

    @Operation(summary = "Approve an amount up to what the program's rule proposes, drawn on the budget (provincial reviewers, administrators)")
    @PostMapping("/{id}/approval")
    @PreAuthorize(DECIDERS)
    public SubsidyApplication approve(@PathVariable UUID id, @RequestBody Approval approval,
            Authentication authentication) {
        return service.approve(id, approval.amount(), approval.comment(), Caller.of(authentication));
    }

    public record Rejection(@FreeText(max = 2000) String reason) {
    }

    @Operation(summary = "Reject with a reason (provincial reviewers, administrators)")
    @PostMapping("/{id}/rejection")
    @PreAuthorize(DECIDERS)
    public SubsidyApplication reject(@PathVariable UUID id, @RequestBody Rejection rejection,
            Authentication authentication) {
        return service.reject(id, rejection.reason(), Caller.of(authentication));
    }

    public record DisbursementRecord(LocalDate disbursedOn, String reference) {
    }

    @Operation(summary = "Record that the approved amount was paid (provincial reviewers, administrators)")
    @PostMapping("/{id}/disbursement")
    @PreAuthorize(DECIDERS)
    public SubsidyApplication disburse(@PathVariable UUID id, @RequestBody DisbursementRecord record,
            Authentication authentication) {
        return service.disburse(id, record.disbursedOn(), record.reference(), Caller.of(authentication));
    }

    @Operation(summary = "Withdraw your own application while it is still SUBMITTED (enterprises)")
    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasRole('enterprise')")
    public SubsidyApplication withdraw(@PathVariable UUID id, Authentication authentication) {
        return service.withdraw(id, Caller.of(authentication));
    }
}
