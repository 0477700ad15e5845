package io.greenportal.incentive.program;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subsidy programs: administrators define them; enterprises and reviewers read them. */
@RestController
@RequestMapping("/api/v1/incentives/programs")
public class ProgramController {

    static final String READERS = "hasAnyRole('admin','enterprise','reviewer-municipal','reviewer-provincial')";

    private final ProgramService service;
    private final ProgramRules rules;

    public ProgramController(ProgramService service, ProgramRules rules) {
        this.service = service;
        this.rules = rules;
    }

    @Operation(summary = "Define a subsidy program: kind, eligibility, amount rule, application window, budget (administrators)")
    @PostMapping
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<Program> create(@RequestBody ProgramRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        String key = IdempotencyKeys.check(idempotencyKey);
        var created = service.create(rules.check(request), Caller.of(authentication).username(), key);
        URI location = URI.create("/api/v1/incentives/programs/" + created.program().id());
        return created.created() ? ResponseEntity.created(location).body(created.program())
                : ResponseEntity.ok().location(location).body(created.program());
    }

    @Operation(summary = "Programs, newest first; open=true: only those accepting applications now")
    @GetMapping
    @PreAuthorize(READERS)
    public List<Program> list(@RequestParam(required = false) ProgramKind kind,
            @RequestParam(defaultValue = "false") boolean open) {
        return service.list(kind, open);
    }

    @Operation(summary = "One program with its budget, committed and disbursed amounts")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public Program get(@PathVariable UUID id) {
        return service.get(id);
    }

    @Operation(summary = "Change a program's name, description, window or budget (never below what is committed) (administrators)")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('admin')")
    public Program update(@PathVariable UUID id, @RequestBody ProgramService.Changes changes) {
        return service.update(id, changes);
    }
}
