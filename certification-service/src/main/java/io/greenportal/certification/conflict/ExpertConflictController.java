package io.greenportal.certification.conflict;

import java.util.List;
import java.util.Map;

import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Page;
import io.greenportal.platform.web.PageParameters;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Experts declare their conflicts of interest; provincial reviewers and administrators read them. */
@RestController
@RequestMapping("/api/v1/certification/expert-conflicts")
public class ExpertConflictController {

    private final ExpertConflicts conflicts;

    public ExpertConflictController(ExpertConflicts conflicts) {
        this.conflicts = conflicts;
    }

    @Operation(summary = "Declare a conflict of interest with an enterprise or an evaluation body (the expert, for themselves): {kind: ENTERPRISE|BODY, creditCode, note}")
    @PostMapping
    @PreAuthorize("hasRole('expert')")
    @ResponseStatus(HttpStatus.CREATED)
    public ExpertConflicts.Conflict declare(@RequestBody ExpertConflicts.DeclareRequest request,
            Authentication authentication) {
        return conflicts.declare(Caller.of(authentication), request);
    }

    @Operation(summary = "Declared conflicts: an expert their own; reviewer-provincial and admin everyone's (?expert= to filter, ?page=&size=)")
    @GetMapping
    @PreAuthorize("hasAnyRole('expert','reviewer-provincial','admin')")
    public Page<ExpertConflicts.Conflict> list(@RequestParam(required = false) String expert,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        PageParameters paging = PageParameters.check(page, size);
        Caller caller = Caller.of(authentication);
        String who = caller.hasAny(Caller.PROVINCIAL, Caller.ADMIN) ? expert : caller.username();
        return conflicts.list(who, paging);
    }
}
