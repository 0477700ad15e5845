package io.greenportal.registry.listing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.PageParameters;
import io.greenportal.registry.listing.ListingStore.Filter;
import io.greenportal.registry.reference.Regions;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.greenportal.platform.web.FreeText;
import io.greenportal.platform.web.Page;

/**
 * Listings over REST. Banks, reviewers and administrators read every listing; an enterprise reads
 * only its own (another's is "not found"); only administrators write.
 */
@RestController
@RequestMapping("/api/v1/registry/listings")
public class ListingController {

    static final String READERS = "hasAnyRole('admin','bank','reviewer-municipal','reviewer-provincial','enterprise')";

    private final ListingService service;
    private final ListingRules rules;
    private final Regions regions;
    private final java.time.Clock clock;

    public ListingController(ListingService service, ListingRules rules, Regions regions, java.time.Clock clock) {
        this.service = service;
        this.rules = rules;
        this.regions = regions;
        this.clock = clock;
    }

    @Operation(summary = "Search listings by type, level, region (a province or city code includes everything under it), industry, year and status")
    @GetMapping
    @PreAuthorize(READERS)
    public Page<Listing> search(@RequestParam(required = false) ListingType type,
            @RequestParam(required = false) Level level, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ListingStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (region != null && !regions.isKnown(region)) {
            throw ApiException.invalid("region", "'" + region + "' is not a known GB/T 2260 region code");
        }
        if (industry != null && !industry.matches("[A-T][0-9]{2}")) {
            throw ApiException.invalid("industry", "must be a GB/T 4754-2017 division such as C30");
        }
        if (year != null && rules.yearProblem(year) != null) {
            throw ApiException.invalid("year", rules.yearProblem(year));
        }
        PageParameters.check(page, size);
        String uscc = ownUsccOnly(caller);
        return service.search(new Filter(type, level, region, industry, year, status, uscc), page, size);
    }

    public record ListingDetail(Listing listing, List<StatusChange> statusHistory) {
    }

    @Operation(summary = "One listing; with asOf=YYYY-MM-DD, its status and data as they stood at the end of that day")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ListingDetail get(@PathVariable UUID id, @RequestParam(required = false) LocalDate asOf,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Listing listing = service.get(id, AsOf.check(asOf, clock, "asOf"));
        String own = ownUsccOnly(caller);
        if (own != null && !own.equals(listing.enterprise().uscc())) {
            throw ApiException.notFound("Listing " + id);
        }
        return new ListingDetail(listing, asOf == null ? service.statusHistory(id) : null);
    }

    @Operation(summary = "Register a listing (administrators). Send an Idempotency-Key to make retries safe: the same "
            + "key with another request is 422. The same listing again without a certificate number is 409.")
    @PostMapping
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<Listing> register(@RequestBody ListingRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        IdempotencyKeys.check(idempotencyKey);
        var valid = rules.check(request);
        var registered = service.registerByAdministrator(valid, idempotencyKey == null ? null : "rest:" + idempotencyKey,
                idempotencyKey == null ? null : IdempotencyKeys.fingerprint(request), Caller.of(authentication).username());
        var created = URI.create("/api/v1/registry/listings/" + registered.listing().id());
        return registered.created() ? ResponseEntity.created(created).body(registered.listing())
                : ResponseEntity.ok().location(created).body(registered.listing());
    }

    public record StatusRequest(StatusAction action, @FreeText(max = 500) String reason) {
    }

    @Operation(summary = "Suspend, revoke or restore a listing, with a reason (administrators). Revocation is final.")
    @PostMapping("/{id}/status")
    @PreAuthorize("hasRole('admin')")
    public Listing changeStatus(@PathVariable UUID id, @RequestBody StatusRequest request,
            Authentication authentication) {
        return service.changeStatus(id, request.action(), request.reason(), Caller.of(authentication).username());
    }

    /** An enterprise is confined to its own USCC; other readers see everything. */
    static String ownUsccOnly(Caller caller) {
        if (caller.hasAny("admin", "bank", "reviewer-municipal", "reviewer-provincial")) {
            return null;
        }
        if (caller.uscc() == null) {
            throw ApiException.forbidden("Your account carries no enterprise credit code");
        }
        return caller.uscc();
    }
}
