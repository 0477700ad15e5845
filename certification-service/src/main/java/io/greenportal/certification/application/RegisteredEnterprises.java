package io.greenportal.certification.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.greenportal.certification.RemoteCalls;
import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.web.ApiException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the registry holds for an enterprise (by its credit code): its name and industry, which the
 * public notice shows and the listing will carry, so an application of an enterprise the registry
 * knows carries them from its first save on; the city it is registered in, whose reviewers examine
 * its applications first; and the designations it already holds, which it cannot apply for again.
 */
@Component
public class RegisteredEnterprises {

    /**
     * @param cityCode the city (地级) of its registered region: empty when the registry has none, the
     *                 province's code when it knows only the province
     */
    public record Registered(String name, String cityCode, String regionCode, String industryCode, List<Held> held) {

        /**
         * The region the listing will carry: the registered county when the registry knows one (the
         * region must already be in its city, see {@link #requireReviewedIn}), else the one typed.
         */
        public String regionFor(String typed) {
            return regionCode.length() == 6 && !regionCode.endsWith("00") ? regionCode : typed;
        }

        /**
         * A 409 when the enterprise already holds, at the level this workflow grants or above, the
         * designation it applies for (a revoked one excepted): dynamic management keeps a designation,
         * and a second one would be granted, listed, counted and rewarded twice.
         */
        public void requireNotHeld(ListingType type, Subject subject) {
            String wanted = Designations.key(type, subject);
            held.stream().filter(h -> h.designation().equals(wanted)).findFirst().ifPresent(h -> {
                throw ApiException.conflict("already-designated", "subject", "The enterprise already holds this "
                        + "designation: " + h.certificateNumber() + " (" + h.level() + " " + type + ", " + h.status()
                        + "); it is kept by annual reports, not applied for again")
                        .withProperty("certificateNumber", h.certificateNumber());
            });
        }

        /** Whether an application in this city is one its registered city reviews (always, when the registry knows no city). */
        public boolean reviewedIn(String applicationCity) {
            return cityCode.isEmpty() || cityCode.endsWith("0000") || cityCode.equals(applicationCity);
        }

        /**
         * A 400 on regionCode unless its registered city reviews an application in this one: the region
         * decides which city's reviewers see it first, and the listing follows the registered region.
         */
        public void requireReviewedIn(String applicationCity) {
            if (applicationCity != null && !reviewedIn(applicationCity)) {
                throw ApiException.invalid("regionCode", "must be in the city " + cityCode + " where the enterprise is "
                        + "registered (its municipal review is that city's); it is in " + applicationCity);
            }
        }
    }

    /** A designation the enterprise holds, provincial or national and not revoked, by its {@link Designations} key. */
    public record Held(String designation, String level, String status, String certificateNumber) {

        static List<Held> of(EnterpriseListings found) {
            return found.getListingsList().stream()
                    .filter(l -> l.getLevel() == Level.PROVINCIAL || l.getLevel() == Level.NATIONAL)
                    .filter(l -> l.getStatus() != ListingStatus.REVOKED)
                    .map(l -> new Held(Designations.key(ListingType.valueOf(l.getType().name()), subject(l.getSubject())),
                            l.getLevel().name(), l.getStatus().name(), l.getCertificateNumber()))
                    .toList();
        }

        private static Subject subject(io.greenportal.contracts.registry.v1.Subject s) {
            return new Subject(blankToNull(s.getSiteName()), blankToNull(s.getParkName()), blankToNull(s.getProductName()),
                    blankToNull(s.getProductModel()), null, null);
        }

        private static String blankToNull(String text) {
            return text.isBlank() ? null : text;
        }
    }

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    /** The registry's latest answers, for drafts: a submission always asks afresh. */
    private final Cache<String, Optional<Registered>> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).executor(Runnable::run).build();

    public RegisteredEnterprises(RegistryServiceGrpc.RegistryServiceBlockingStub registry) {
        this.registry = registry;
    }

    /** The registry's record, or empty when it does not know the enterprise; 503 when it cannot be asked. */
    public Optional<Registered> of(String uscc) {
        RemoteCalls.requireNoTransaction("the registry");
        try {
            EnterpriseListings found = registry.withDeadlineAfter(5, TimeUnit.SECONDS)
                    .lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).build());
            String name = found.getFound() ? found.getEnterprise().getName().strip() : "";
            Optional<Registered> registered = name.isEmpty() ? Optional.empty()
                    : Optional.of(new Registered(name, found.getEnterprise().getCityCode().strip(),
                            found.getEnterprise().getRegionCode().strip(), found.getEnterprise().getIndustryCode().strip(),
                            Held.of(found)));
            recent.put(uscc, registered);
            return registered;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                recent.put(uscc, Optional.empty());
                return Optional.empty();
            }
            throw ApiException.unavailable("dependency-unavailable", "The registry could not be asked for the enterprise's registered name ("
                    + e.getStatus().getCode() + "); nothing was changed, try again shortly");
        }
    }

    /**
     * For a draft: the registry's answer of the last minutes will do, and a registry that cannot be
     * asked leaves the draft as typed (empty), since submission asks again and decides. Saving a draft
     * never waits on a hung registry for an enterprise it has answered for recently.
     */
    public Optional<Registered> forDraft(String uscc) {
        Optional<Registered> known = recent.getIfPresent(uscc);
        if (known != null) {
            return known;
        }
        try {
            return of(uscc);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
