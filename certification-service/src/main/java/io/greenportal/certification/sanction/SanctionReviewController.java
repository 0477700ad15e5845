package io.greenportal.certification.sanction;

import java.util.List;
import java.util.Map;
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

/** Review tasks of approved listings whose evaluation body was sanctioned. */
@RestController
@RequestMapping("/api/v1/certification/sanction-reviews")
public class SanctionReviewController {

    private final SanctionReviews reviews;

    public SanctionReviewController(SanctionReviews reviews) {
        this.reviews = reviews;
    }

    @Operation(summary = "Review tasks left by sanctions (?status=OPEN|DECIDED, ?page=&size=); provincial reviewers and administrators")
    @GetMapping
    @PreAuthorize("hasAnyRole('reviewer-provincial','admin')")
    public Page<SanctionReviews.Task> list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return reviews.list(status, PageParameters.check(page, size));
    }

    @Operation(summary = "Decide a review task: {outcome: KEEP|SUSPEND|REVOKE, comment}; SUSPEND and REVOKE go to the registry")
    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('reviewer-provincial')")
    public SanctionReviews.Task decide(@PathVariable UUID id, @RequestBody SanctionReviews.DecisionRequest request,
            Authentication authentication) {
        return reviews.decide(Caller.of(authentication), id, request);
    }
}
