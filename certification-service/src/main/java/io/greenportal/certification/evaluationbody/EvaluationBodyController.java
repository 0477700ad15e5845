package io.greenportal.certification.evaluationbody;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Page;
import io.greenportal.platform.web.PageParameters;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry of evaluation bodies: administrators maintain it; the public lists the active (and sanctioned) ones. */
@RestController
@RequestMapping("/api/v1/certification")
public class EvaluationBodyController {

    private final EvaluationBodyService service;
    private final BodyStatistics statistics;

    public EvaluationBodyController(EvaluationBodyService service, BodyStatistics statistics) {
        this.service = service;
        this.statistics = statistics;
    }

    @Operation(summary = "A body's statistics: engagements, pass rate, its average score against the experts' (administrators)")
    @GetMapping("/evaluation-bodies/{id}/statistics")
    @PreAuthorize("hasRole('admin')")
    public BodyStatistics.Statistics statistics(@PathVariable UUID id) {
        return statistics.of(id);
    }

    @Operation(summary = "Register an evaluation body (administrators): name, creditCode, types, qualifiedUntil, contact, affiliations")
    @PostMapping("/evaluation-bodies")
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<EvaluationBody> create(@RequestBody BodyRules.BodyRequest request, Authentication authentication) {
        EvaluationBody body = service.create(Caller.of(authentication), request);
        return ResponseEntity.created(URI.create("/api/v1/certification/evaluation-bodies/" + body.id())).body(body);
    }

    @Operation(summary = "Every registered body, by status (administrators)")
    @GetMapping("/evaluation-bodies")
    @PreAuthorize("hasRole('admin')")
    public Page<EvaluationBody> list(@RequestParam(required = false) List<BodyStatus> status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters.check(page, size);
        return service.list(status, page, size);
    }

    @Operation(summary = "One body with its status history (administrators)")
    @GetMapping("/evaluation-bodies/{id}")
    @PreAuthorize("hasRole('admin')")
    public EvaluationBodyService.Detail get(@PathVariable UUID id) {
        return service.detail(id);
    }

    @Operation(summary = "Edit a body's name, types, qualification, contact and declared affiliations (administrators)")
    @PutMapping("/evaluation-bodies/{id}")
    @PreAuthorize("hasRole('admin')")
    public EvaluationBody update(@PathVariable UUID id, @RequestBody BodyRules.BodyRequest request,
            Authentication authentication) {
        return service.update(Caller.of(authentication), id, request);
    }

    @Operation(summary = "Change a body's status (ACTIVE, SUSPENDED, SANCTIONED) with a reason (administrators); a sanction cascades")
    @PostMapping("/evaluation-bodies/{id}/status")
    @PreAuthorize("hasRole('admin')")
    public EvaluationBodyService.Detail changeStatus(@PathVariable UUID id, @RequestBody BodyRules.StatusRequest request,
            Authentication authentication) {
        return service.changeStatus(Caller.of(authentication), id, request);
    }

    @Operation(summary = "The public list of evaluation bodies: the active ones, and the sanctioned ones with their sanction (no login)")
    @GetMapping("/public/evaluation-bodies")
    public Page<EvaluationBodyService.PublicBody> publicList(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters.check(page, size);
        return service.publicList(page, size);
    }
}
