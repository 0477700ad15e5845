package io.greenportal.registry.enterprise;

import io.greenportal.platform.creditcode.Uscc;
import java.time.LocalDate;
import java.util.List;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.registry.listing.AsOf;
import io.greenportal.registry.listing.EnterpriseRef;
import io.greenportal.registry.listing.Listing;
import io.greenportal.registry.listing.ListingService;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An enterprise with its name history and listings. Enterprises may read only their own. */
@RestController
@RequestMapping("/api/v1/registry/enterprises")
public class EnterpriseController {

    private final EnterpriseStore enterprises;
    private final ListingService listings;
    private final java.time.Clock clock;

    public EnterpriseController(EnterpriseStore enterprises, ListingService listings, java.time.Clock clock) {
        this.enterprises = enterprises;
        this.listings = listings;
        this.clock = clock;
    }

    public record EnterpriseDetail(EnterpriseRef enterprise, List<EnterpriseStore.NamePeriod> names,
            List<Listing> listings) {
    }

    @Operation(summary = "An enterprise by its credit code, with its name history and every listing (optionally as of a day)")
    @GetMapping("/{uscc}")
    @PreAuthorize("hasAnyRole('admin','bank','reviewer-municipal','reviewer-provincial','enterprise')")
    public EnterpriseDetail get(@PathVariable("uscc") String code, @RequestParam(required = false) LocalDate asOf,
            Authentication authentication) {
        String uscc = checked(code);
        AsOf.check(asOf, clock, "asOf");
        Caller caller = Caller.of(authentication);
        boolean seesAll = caller.hasAny("admin", "bank", "reviewer-municipal", "reviewer-provincial");
        if (!seesAll && !uscc.equals(caller.uscc())) {
            throw ApiException.notFound("Enterprise " + uscc);
        }
        EnterpriseRef enterprise = enterprises.find(uscc).orElseThrow(() -> ApiException.notFound("Enterprise " + uscc));
        var listed = listings.lookup(List.of(uscc), asOf).get(uscc).listings();
        if (asOf == null) {
            return new EnterpriseDetail(enterprise, enterprises.nameHistory(uscc), listed);
        }
        // as of a day: the names borne by then, and the one borne that day
        var names = enterprises.nameHistory(uscc, asOf);
        return new EnterpriseDetail(names.isEmpty() ? enterprise : enterprise.withName(names.getLast().name()), names,
                listed);
    }

    /** The path's credit code, normalized as the incentive service's verification does (case, spaces). */
    private static String checked(String code) {
        String uscc = Uscc.normalize(code);
        String problem = Uscc.problem(uscc);
        if (problem != null) {
            throw ApiException.invalid("uscc", problem);
        }
        return uscc;
    }

    public record RenameRequest(String name) {
    }

    @Operation(summary = "Rename an enterprise (administrators); the old name stays in its history and its listings follow")
    @PatchMapping("/{uscc}")
    @PreAuthorize("hasRole('admin')")
    public EnterpriseDetail rename(@PathVariable("uscc") String code, @RequestBody RenameRequest request,
            Authentication authentication) {
        String uscc = checked(code);
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiException.invalid("name", "is required, at most 200 characters");
        }
        listings.renameEnterprise(uscc, name, Caller.of(authentication).username());
        return get(uscc, null, authentication);
    }
}
