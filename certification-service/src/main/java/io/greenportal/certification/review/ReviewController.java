package io.greenportal.certification.review;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.application.ApplicationAccess;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Review decisions, expert assignments and expert scores of one application. */
@RestController
@RequestMapping("/api/v1/certification/applications/{applicationId}")
public class ReviewController {

    private final ReviewService reviews;
    private final ExpertReviewService experts;
    private final ApplicationStore applications;
    private final ApplicationAccess access;

    public ReviewController(ReviewService reviews, ExpertReviewService experts, ApplicationStore applications,
            ApplicationAccess access) {
        this.reviews = reviews;
        this.experts = experts;
        this.applications = applications;
        this.access = access;
    }

    @Operation(summary = "Decide the stage of your role: APPROVE (next stage), RETURN (comment required) or REJECT (reason required)")
    @PostMapping("/reviews")
    @PreAuthorize("hasAnyRole('reviewer-municipal','reviewer-provincial')")
    public ResponseEntity<Review> decide(@PathVariable UUID applicationId,
            @RequestBody ReviewService.DecisionRequest request, Authentication authentication) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.decide(Caller.of(authentication), applicationId, request));
    }

    @Operation(summary = "The review decisions of every round; the applicant and the reviewers")
    @GetMapping("/reviews")
    @PreAuthorize("hasAnyRole('enterprise','reviewer-municipal','reviewer-provincial','expert','admin')")
    public Map<String, List<Review>> reviews(@PathVariable UUID applicationId, Authentication authentication) {
        access.visible(Caller.of(authentication), applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("Application " + applicationId)));
        return Map.of("items", reviews.list(applicationId));
    }

    @Operation(summary = "Assign experts by user name (provincial reviewers, in EXPERT_REVIEW); at least the batch's minimum in total")
    @PostMapping("/expert-assignments")
    @PreAuthorize("hasRole('reviewer-provincial')")
    public ResponseEntity<Map<String, List<ExpertReviewService.Assignment>>> assign(@PathVariable UUID applicationId,
            @RequestBody ExpertReviewService.AssignRequest request, Authentication authentication) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("items", experts.assign(Caller.of(authentication), applicationId, request)));
    }

    @Operation(summary = "Expert assignments: provincial reviewers and administrators all; an expert their own")
    @GetMapping("/expert-assignments")
    @PreAuthorize("hasAnyRole('reviewer-provincial','expert','admin')")
    public Map<String, List<ExpertReviewService.Assignment>> assignments(@PathVariable UUID applicationId,
            Authentication authentication) {
        return Map.of("items", experts.assignments(Caller.of(authentication), applicationId));
    }

    @Operation(summary = "Score an assigned application once (experts): 0-100 with a comment")
    @PostMapping("/scores")
    @PreAuthorize("hasRole('expert')")
    public ResponseEntity<ExpertReviewService.Score> score(@PathVariable UUID applicationId,
            @RequestBody ExpertReviewService.ScoreRequest request, Authentication authentication) {
        return ResponseEntity.status(HttpStatus.CREATED).body(experts.score(Caller.of(authentication), applicationId, request));
    }

    @Operation(summary = "Expert scores: provincial reviewers and administrators all; an expert their own")
    @GetMapping("/scores")
    @PreAuthorize("hasAnyRole('reviewer-provincial','expert','admin')")
    public Map<String, List<ExpertReviewService.Score>> scores(@PathVariable UUID applicationId,
            Authentication authentication) {
        return Map.of("items", experts.scores(Caller.of(authentication), applicationId));
    }
}
