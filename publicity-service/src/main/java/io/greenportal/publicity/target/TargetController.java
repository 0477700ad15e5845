package io.greenportal.publicity.target;

import java.net.URI;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.PageParameters;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.publicity.cache.PublicCache;
import io.greenportal.publicity.search.ListingFilter;
import io.greenportal.publicity.search.PublicListingController;
import io.greenportal.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plan targets with their progress: anyone reads them (cached until the next applied change or
 * target change); administrators maintain them.
 */
@RestController
@RequestMapping("/api/v1/public/targets")
public class TargetController {

    private final Targets targets;
    private final TargetRules rules;
    private final PublicCache cache;
    private final JsonMapper json;
    private final TargetAudit audit;

    public TargetController(Targets targets, TargetRules rules, PublicCache cache, JsonMapper json, TargetAudit audit) {
        this.audit = audit;
        this.targets = targets;
        this.rules = rules;
        this.cache = cache;
        this.json = json;
    }

    @Operation(summary = "Plan targets with their progress: the listings still holding the designation (active and "
            + "suspended) of the target's type (and level) in its region with a year up to the target year. "
            + "region: a province or city code includes the targets of everything under it")
    @GetMapping
    public ResponseEntity<byte[]> list(@RequestParam(required = false) String region,
            @RequestParam(required = false) String type) {
        ListingFilter filter = ListingFilter.parse(type, null, region, null, null, null);
        byte[] body = cache.getComplete("targets", "region=" + filter.region() + "&type=" + filter.type(), () -> {
            Targets.TargetList list = targets.list(filter.region(), filter.type());
            return new PublicCache.Answer(json.writeValueAsBytes(list), list.progressAvailable());
        });
        return ResponseEntity.ok().contentType(PublicListingController.JSON).body(body);
    }

    @Operation(summary = "Who changed plan targets and when, newest first (administrators): every creation, change "
            + "and removal with the target before and after, whoever wrote it; target: one target's changes only")
    @GetMapping("/changes")
    @PreAuthorize("hasRole('admin')")
    public Page<TargetAudit.Change> changes(@RequestParam(required = false) String target,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var paging = PageParameters.check(page, size);
        return audit.changes(target == null ? null : id(target, "target"), paging);
    }

    @Operation(summary = "One plan target with its progress")
    @GetMapping("/{id}")
    public ResponseEntity<byte[]> get(@PathVariable String id) {
        long number = id(id);
        byte[] body = cache.getComplete("target", Long.toString(number), () -> targets.get(number)
                .map(t -> new PublicCache.Answer(json.writeValueAsBytes(t), t.progress() != null))
                .orElse(new PublicCache.Answer(new byte[0], true)));
        if (body.length == 0) {
            throw Targets.notFound(number);
        }
        return ResponseEntity.ok().contentType(PublicListingController.JSON).body(body);
    }

    @Operation(summary = "Add a plan target (administrators); 201, or 200 with the first one for a repeated "
            + "Idempotency-Key and request (422 for the same key with another request); 409 if the region, type, "
            + "level and year already have one")
    @PostMapping
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<TargetView> create(@RequestBody TargetRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        String key = IdempotencyKeys.check(idempotencyKey);
        var created = targets.create(rules.check(request), Caller.of(authentication).username(), key,
                key == null ? null : IdempotencyKeys.fingerprint(request));
        URI location = URI.create("/api/v1/public/targets/" + created.target().id());
        return created.created() ? ResponseEntity.created(location).body(created.target())
                : ResponseEntity.ok().location(location).body(created.target());
    }

    @Operation(summary = "Replace a plan target (administrators): every field as for a new one")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('admin')")
    public TargetView update(@PathVariable String id, @RequestBody TargetRequest request,
            Authentication authentication) {
        long number = id(id);
        return targets.update(number, rules.check(request), Caller.of(authentication).username());
    }

    @Operation(summary = "Remove a plan target (administrators)")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<Void> delete(@PathVariable String id, Authentication authentication) {
        targets.delete(id(id), Caller.of(authentication).username());
        return ResponseEntity.noContent().build();
    }

    static long id(String id) {
        return id(id, "id");
    }

    static long id(String id, String field) {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.invalid(field, "must be a target id (a positive whole number)");
        }
        return Long.parseLong(id);
    }
}
