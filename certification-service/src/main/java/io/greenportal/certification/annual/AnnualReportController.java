package io.greenportal.certification.annual;

import java.util.UUID;

import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Page;
import io.greenportal.platform.web.PageParameters;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Annual reports of listings granted here: enterprises submit their own; reviewers decide. */
@RestController
@RequestMapping("/api/v1/certification/annual-reports")
public class AnnualReportController {

    static final String READERS = "hasAnyRole('enterprise','reviewer-municipal','reviewer-provincial','admin')";

    private final AnnualReportService reports;

    public AnnualReportController(AnnualReportService reports) {
        this.reports = reports;
    }

    @Operation(summary = "Annual reports with their due dates: an enterprise its own, a municipal reviewer its city's, provincial reviewers all (?status=, ?overdue=, ?page=&size=)")
    @GetMapping
    @PreAuthorize(READERS)
    public Page<AnnualReport> list(@RequestParam(required = false) AnnualReport.Status status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        return reports.list(Caller.of(authentication), status, overdue, PageParameters.check(page, size));
    }

    @Operation(summary = "One annual report")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public AnnualReport get(@PathVariable UUID id, Authentication authentication) {
        return reports.get(Caller.of(authentication), id);
    }

    @Operation(summary = "Submit the year's indicators (the enterprise); allowed while DUE, SUBMITTED or SUSPENDED")
    @PostMapping("/{id}/submission")
    @PreAuthorize("hasRole('enterprise')")
    public AnnualReport submit(@PathVariable UUID id, @RequestBody AnnualReportService.Submission submission,
            Authentication authentication) {
        return reports.submit(Caller.of(authentication), id, submission);
    }

    @Operation(summary = "Accept the report, or suspend / revoke the listing in the registry with a reason (provincial reviewers)")
    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('reviewer-provincial')")
    public AnnualReport decide(@PathVariable UUID id, @RequestBody AnnualReportService.Decision decision,
            Authentication authentication) {
        return reports.decide(Caller.of(authentication), id, decision);
    }
}
