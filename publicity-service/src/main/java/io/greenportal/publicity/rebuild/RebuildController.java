package io.greenportal.publicity.rebuild;

import java.net.URI;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full index rebuilds (administrators). The request is stored; the instance that follows the
 * feeds runs it and records its progress, which any instance reports.
 */
@RestController
@RequestMapping("/api/v1/public/admin/reindex")
@PreAuthorize("hasRole('admin')")
public class RebuildController {

    private final RebuildStore rebuilds;
    private final IndexRebuilder rebuilder;

    public RebuildController(RebuildStore rebuilds, IndexRebuilder rebuilder) {
        this.rebuilds = rebuilds;
        this.rebuilder = rebuilder;
    }

    @Operation(summary = "Rebuild the public index from the registry feed (administrators); answers 202 with the "
            + "rebuild to follow, or the one already waiting or running")
    @PostMapping
    public ResponseEntity<Rebuild> request(Authentication authentication) {
        var requested = rebuilds.request(Caller.of(authentication).username());
        rebuilder.nudge();
        URI location = URI.create("/api/v1/public/admin/reindex/" + requested.rebuild().id());
        return ResponseEntity.accepted().location(location).body(requested.rebuild());
    }

    @Operation(summary = "The latest rebuild and its progress (administrators)")
    @GetMapping
    public Rebuild latest() {
        return rebuilds.latest().orElseThrow(() -> ApiException.notFound("A rebuild"));
    }

    @Operation(summary = "One rebuild and its progress (administrators)")
    @GetMapping("/{id}")
    public Rebuild get(@PathVariable UUID id) {
        return rebuilds.find(id).orElseThrow(() -> ApiException.notFound("Rebuild " + id));
    }
}
