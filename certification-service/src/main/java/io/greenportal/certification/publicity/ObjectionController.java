package io.greenportal.certification.publicity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.greenportal.platform.web.Caller;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Objections to a candidate under publicity: public intake, provincial decisions. */
@RestController
@RequestMapping("/api/v1/certification/applications/{applicationId}/objections")
public class ObjectionController {

    private final ObjectionService objections;
    private final ObjectionRateLimiter limiter;
    private final ClientAddress clientAddress;

    public ObjectionController(ObjectionService objections, ObjectionRateLimiter limiter, ClientAddress clientAddress) {
        this.objections = objections;
        this.limiter = limiter;
        this.clientAddress = clientAddress;
    }

    /** What the objector gets back: a receipt, nothing about other objections. */
    public record Receipt(UUID id, UUID applicationId, String status, java.time.OffsetDateTime filedAt) {
    }

    @Operation(summary = "File an objection during publicity (anyone, no login): real name, contact, content. Rate-limited per client.")
    @PostMapping
    public ResponseEntity<Receipt> file(@PathVariable UUID applicationId,
            @RequestBody(required = false) ObjectionService.ObjectionRequest request, HttpServletRequest http) {
        String client = clientAddress.of(http);
        limiter.acquire(client);
        Objection objection = objections.file(applicationId, request, client);
        return ResponseEntity.created(URI.create("/api/v1/certification/applications/" + applicationId
                        + "/objections/" + objection.id()))
                .body(new Receipt(objection.id(), applicationId, objection.status().name(), objection.filedAt()));
    }

    @Operation(summary = "The application's objections; the objector's name and contact only for provincial reviewers")
    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise','reviewer-municipal','reviewer-provincial','admin')")
    public Map<String, List<Objection>> list(@PathVariable UUID applicationId, Authentication authentication) {
        return Map.of("items", objections.list(Caller.of(authentication), applicationId));
    }

    @Operation(summary = "Uphold (outcome REJECT or RETURN) or dismiss an objection, with the finding (provincial reviewers)")
    @PostMapping("/{objectionId}/decision")
    @PreAuthorize("hasRole('reviewer-provincial')")
    public Objection decide(@PathVariable UUID applicationId, @PathVariable UUID objectionId,
            @RequestBody ObjectionService.DecisionRequest request, Authentication authentication) {
        return objections.decide(Caller.of(authentication), applicationId, objectionId, request);
    }
}
