package io.greenportal.certification.application;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.PageParameters;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.greenportal.platform.web.FreeText;
import io.greenportal.platform.web.Page;

/**
 * Applications: enterprises draft, submit and withdraw their own; reviewers and experts read their
 * queues. Another enterprise's application, or one outside a reviewer's scope, is "not found".
 */
@RestController
@RequestMapping("/api/v1/certification/applications")
public class ApplicationController {

    static final String READERS = "hasAnyRole('enterprise','reviewer-municipal','reviewer-provincial','expert','admin')";
    /** One application and its history: also the evaluators of the body it names (their list is /engagements). */
    static final String ONE_READERS = "hasAnyRole('enterprise','reviewer-municipal','reviewer-provincial','expert','admin','evaluator')";

    private final ApplicationService service;

    public ApplicationController(ApplicationService service) {
        this.service = service;
    }

    @Operation(summary = "Create a DRAFT for an open batch (enterprises). Send an Idempotency-Key to make retries safe.")
    @PostMapping
    @PreAuthorize("hasRole('enterprise')")
    public ResponseEntity<Application> create(@RequestBody ApplicationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        IdempotencyKeys.check(idempotencyKey);
        Caller caller = Caller.of(authentication);
        ApplicationService.Created created;
        try {
            created = service.create(caller, request, idempotencyKey);
        } catch (DuplicateKeyException raced) {
            // the same key arrived twice at once: the other request created it
            created = service.create(caller, request, idempotencyKey);
        }
        URI location = URI.create("/api/v1/certification/applications/" + created.application().id());
        return created.created() ? ResponseEntity.created(location).body(created.application())
                : ResponseEntity.ok().location(location).body(created.application());
    }

    @Operation(summary = "Applications: an enterprise its own; reviewers their queue by stage (?state=, several allowed); experts those assigned to them")
    @GetMapping
    @PreAuthorize(READERS)
    public Page<Application> list(@RequestParam(required = false) List<ApplicationState> state,
            @RequestParam(required = false) UUID batchId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        PageParameters.check(page, size);
        Set<ApplicationState> states = state == null || state.isEmpty() ? null : EnumSet.copyOf(state);
        return service.list(Caller.of(authentication), states, batchId, page, size);
    }

    public record ApplicationDetail(Application application, List<ApplicationService.Round> rounds) {
    }

    @Operation(summary = "One application with its submission rounds")
    @GetMapping("/{id}")
    @PreAuthorize(ONE_READERS)
    public ApplicationDetail get(@PathVariable UUID id, Authentication authentication) {
        Application application = service.get(Caller.of(authentication), id);
        return new ApplicationDetail(application, service.rounds(id));
    }

    @Operation(summary = "Edit a DRAFT or RETURNED application (the applicant)")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('enterprise')")
    public Application update(@PathVariable UUID id, @RequestBody ApplicationRequest request,
            Authentication authentication) {
        return service.update(Caller.of(authentication), id, request);
    }

    public record CommentRequest(@FreeText(max = 2000) String comment) {
    }

    @Operation(summary = "Submit (or resubmit after a return): completeness and the batch deadline are checked; goes on to municipal review")
    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('enterprise')")
    public Application submit(@PathVariable UUID id, @RequestBody(required = false) CommentRequest request,
            Authentication authentication) {
        return service.submit(Caller.of(authentication), id, request == null ? null : request.comment());
    }

    @Operation(summary = "Withdraw before publicity (the applicant); final")
    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('enterprise')")
    public Application withdraw(@PathVariable UUID id, @RequestBody(required = false) CommentRequest request,
            Authentication authentication) {
        return service.withdraw(Caller.of(authentication), id, request == null ? null : request.comment());
    }

    @Operation(summary = "Every transition with actor, role, time and comment; the applicant and the reviewers")
    @GetMapping("/{id}/history")
    @PreAuthorize(ONE_READERS)
    public Map<String, List<History.Entry>> history(@PathVariable UUID id, Authentication authentication) {
        return Map.of("items", service.history(Caller.of(authentication), id));
    }
}
