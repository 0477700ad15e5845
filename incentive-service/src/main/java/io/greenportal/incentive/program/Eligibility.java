package io.greenportal.incentive.program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.incentive.grpc.RegistryClient.Regions;
import io.greenportal.platform.creditcode.DivisionCodes;

/**
 * Which listings qualify for a program: an empty list means "any". The listing must also be ACTIVE
 * in the registry, both when the enterprise applies and when a reviewer approves.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Eligibility(List<String> types, List<String> levels, List<Integer> years, List<String> regions) {

    public Eligibility {
        // copies that keep nulls, so validation can name them rather than the parser failing
        types = types == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(types));
        levels = levels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(levels));
        years = years == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(years));
        regions = regions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(regions));
    }

    /** Why the listing does not qualify, in plain words; empty when it does. */
    public List<String> reasons(Listing listing) {
        List<String> reasons = new ArrayList<>();
        String name = listing.getCertificateNumber();
        if (listing.getStatus() != ListingStatus.ACTIVE) {
            reasons.add("listing " + name + " is " + listing.getStatus()
                    + (listing.getStatusReason().isBlank() ? "" : " (" + listing.getStatusReason() + ")")
                    + ": only ACTIVE listings qualify");
        }
        if (!types.isEmpty() && !types.contains(listing.getType().name())) {
            reasons.add("listing " + name + " is a " + listing.getType() + "; the program is for " + String.join(", ", types));
        }
        if (!levels.isEmpty() && !levels.contains(listing.getLevel().name())) {
            reasons.add("listing " + name + " is " + listing.getLevel() + "; the program is for " + String.join(", ", levels));
        }
        if (!years.isEmpty() && !years.contains(listing.getYear())) {
            reasons.add("listing " + name + " was granted for " + listing.getYear() + "; the program is for the years "
                    + years.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        String region = listing.getEnterprise().getRegionCode();
        if (!regions.isEmpty() && regions.stream().noneMatch(area -> DivisionCodes.within(region, area))) {
            reasons.add("the enterprise's region " + region + " is outside the program's regions " + String.join(", ", regions));
        }
        return reasons;
    }
}
