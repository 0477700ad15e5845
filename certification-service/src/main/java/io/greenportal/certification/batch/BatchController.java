package io.greenportal.certification.batch;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.greenportal.certification.application.ListingType;
import io.greenportal.platform.web.ApiException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Batches: administrators open them; enterprises see the open ones; reviewers and experts see all. */
@RestController
@RequestMapping("/api/v1/certification/batches")
public class BatchController {

    static final String READERS = "hasAnyRole('admin','enterprise','reviewer-municipal','reviewer-provincial','expert')";

    private final BatchService service;

    public BatchController(BatchService service) {
        this.service = service;
    }

    /** A batch as shown: its rules and whether it takes applications now. */
    public record BatchView(UUID id, String name, int year, List<ListingType> types, OffsetDateTime opensAt,
            OffsetDateTime deadline, int publicityDays, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal passMark,
            int minExperts, Batch.Phase phase, OffsetDateTime createdAt) {
    }

    BatchView view(Batch b) {
        return new BatchView(b.id(), b.name(), b.year(), b.types(), b.opensAt(), b.deadline(), b.publicityDays(),
                b.passMark(), b.minExperts(), service.phase(b), b.createdAt());
    }

    @Operation(summary = "Open a batch (administrators): year, listing types, opening, deadline, publicity days, pass mark, minimum experts")
    @PostMapping
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<BatchView> create(@RequestBody BatchService.BatchRequest request, Authentication authentication) {
        Batch batch = service.create(request, Caller.of(authentication).username());
        return ResponseEntity.created(URI.create("/api/v1/certification/batches/" + batch.id())).body(view(batch));
    }

    @Operation(summary = "Batches: enterprises see those open now; reviewers, experts and administrators all (or ?open=true)")
    @GetMapping
    @PreAuthorize(READERS)
    public Map<String, List<BatchView>> list(@RequestParam(defaultValue = "false") boolean open,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        boolean openOnly = open || !caller.hasAny(Caller.ADMIN, Caller.MUNICIPAL, Caller.PROVINCIAL, Caller.EXPERT);
        return Map.of("items", service.list(openOnly).stream().map(this::view).toList());
    }

    @Operation(summary = "One batch; to enterprises only once it has opened (404 before)")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public BatchView get(@PathVariable UUID id, Authentication authentication) {
        Batch batch = service.get(id);
        Caller caller = Caller.of(authentication);
        // a batch is announced when it opens; until then enterprises must not learn of it. A closed
        // batch stays readable: returned applications in it are resubmitted after its deadline.
        if (service.phase(batch) == Batch.Phase.UPCOMING
                && !caller.hasAny(Caller.ADMIN, Caller.MUNICIPAL, Caller.PROVINCIAL, Caller.EXPERT)) {
            throw ApiException.notFound("Batch " + id);
        }
        return view(batch);
    }
}
