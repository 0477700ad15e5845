package io.greenportal.registry.listing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.greenportal.contracts.registry.v1.IndicatorReadings;
import io.greenportal.contracts.registry.v1.ListingSubjects;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.creditcode.Uscc;
import io.greenportal.registry.listing.ListingRequest.IndicatorInput;
import io.greenportal.registry.reference.Industries;
import io.greenportal.registry.reference.Regions;

import org.springframework.stereotype.Component;

/**
 * The registry's rules for a new listing, shared by the REST API, gRPC and imports so every door
 * refuses the same things with the same field names.
 */
@Component
public class ListingRules {

    /** The first national green-manufacturing lists were published for 2016. */
    static final int FIRST_YEAR = 2016;
    static final Pattern CERTIFICATE_NUMBER = Pattern.compile("[\\p{IsHan}A-Za-z0-9\\-_/.()（）〔〕\\[\\]]{4,64}");
    private static final int MAX_TEXT = 200;

    private final Regions regions;
    private final Industries industries;
    private final java.time.Clock clock;

    public ListingRules(Regions regions, Industries industries, java.time.Clock clock) {
        this.regions = regions;
        this.industries = industries;
        this.clock = clock;
    }

    /** A request that passed every rule, with its values typed. */
    public record Valid(ListingType type, Level level, ListingRequest.EnterpriseInput enterprise, Subject subject,
            int year, String batch, String certificateNumber, List<Indicator> indicators, LocalDate grantedOn,
            ListingStatus status, String statusReason) {
    }

    /**
     * Why {@code year} cannot be a listing's year, in words for a 400 (the first lists were in
     * {@value #FIRST_YEAR}; a list is prepared for next year at most); null when it can. Registration
     * and the search's year filter share it.
     */
    public String yearProblem(int year) {
        int thisYear = LocalDate.now(clock).getYear();
        return year < FIRST_YEAR || year > thisYear + 1 ? "must be between " + FIRST_YEAR + " and " + (thisYear + 1) : null;
    }

    public Valid check(ListingRequest request) {
        List<Violation> violations = new ArrayList<>();
        ListingType type = enumValue(ListingType.class, request.type(), "type", violations);
        Level level = enumValue(Level.class, request.level(), "level", violations);
        checkEnterprise(request.enterprise(), violations);
        Subject subject = checkSubject(type, request.subject() == null ? Subject.NONE : request.subject(), violations);

        int year = request.year() == null ? 0 : request.year();
        if (request.year() == null) {
            violations.add(new Violation("year", "is required"));
        } else if (yearProblem(year) != null) {
            violations.add(new Violation("year", yearProblem(year)));
        }
        String batch = trimToNull(request.batch());
        if (batch != null && batch.length() > 64) {
            violations.add(new Violation("batch", "must be at most 64 characters"));
        }
        String certificateNumber = trimToNull(request.certificateNumber());
        if (certificateNumber != null && !CERTIFICATE_NUMBER.matcher(certificateNumber).matches()) {
            violations.add(new Violation("certificateNumber",
                    "must be 4-64 letters, digits, Chinese characters or - _ / . ( ) 〔 〕"));
        }
        List<Indicator> indicators = checkIndicators(request.indicators(), violations);

        LocalDate grantedOn = null;
        if (request.grantedOn() != null && !request.grantedOn().isBlank()) {
            try {
                grantedOn = LocalDate.parse(request.grantedOn().trim());
                if (grantedOn.isAfter(LocalDate.now(clock))) {
                    violations.add(new Violation("grantedOn", "cannot be in the future"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("grantedOn", "must be a date YYYY-MM-DD"));
            }
        }
        ListingStatus status = request.status() == null || request.status().isBlank() ? ListingStatus.ACTIVE
                : enumValue(ListingStatus.class, request.status(), "status", violations);
        String statusReason = trimToNull(request.statusReason());
        if (status != null && status != ListingStatus.ACTIVE && statusReason == null) {
            violations.add(new Violation("statusReason", "is required for a " + status + " listing"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        var enterprise = request.enterprise();
        return new Valid(type, level, new ListingRequest.EnterpriseInput(enterprise.uscc().trim(),
                enterprise.name().trim(), enterprise.regionCode().trim(), enterprise.industryCode().trim()),
                subject, year, batch, certificateNumber, indicators, grantedOn, status, statusReason);
    }

    private void checkEnterprise(ListingRequest.EnterpriseInput enterprise, List<Violation> violations) {
        if (enterprise == null) {
            violations.add(new Violation("enterprise", "is required"));
            return;
        }
        String usccProblem = Uscc.problem(enterprise.uscc() == null ? null : enterprise.uscc().trim());
        if (usccProblem != null) {
            violations.add(new Violation("enterprise.uscc", usccProblem));
        }
        String name = trimToNull(enterprise.name());
        if (name == null) {
            violations.add(new Violation("enterprise.name", "is required"));
        } else if (name.length() > MAX_TEXT) {
            violations.add(new Violation("enterprise.name", "must be at most " + MAX_TEXT + " characters"));
        }
        String region = enterprise.regionCode() == null ? null : enterprise.regionCode().trim();
        if (region == null || region.isEmpty()) {
            violations.add(new Violation("enterprise.regionCode", "is required"));
        } else if (!regions.isKnown(region)) {
            violations.add(new Violation("enterprise.regionCode", "'" + region + "' is not a known GB/T 2260 region code"));
        }
        String industry = enterprise.industryCode() == null ? null : enterprise.industryCode().trim();
        if (industry == null || industry.isEmpty()) {
            violations.add(new Violation("enterprise.industryCode", "is required"));
        } else if (!industries.isKnown(industry)) {
            violations.add(new Violation("enterprise.industryCode",
                    "'" + industry + "' is not a GB/T 4754-2017 industry division such as C30"));
        }
    }

    private static Subject checkSubject(ListingType type, Subject raw, List<Violation> violations) {
        Subject subject = new Subject(trimToNull(raw.siteName()), trimToNull(raw.parkName()),
                trimToNull(raw.productName()), trimToNull(raw.productModel()), trimToNull(raw.productCategory()),
                trimToNull(raw.evaluationStandard()));
        if (type == null) {
            return subject;
        }
        switch (type) {
            case GREEN_PARK -> required("parkName", subject.parkName(), violations);
            case GREEN_PRODUCT -> {
                required("productName", subject.productName(), violations);
                required("productCategory", subject.productCategory(), violations);
            }
            default -> {
            }
        }
        ListingSubjects.problems(type.name(), subject)
                .forEach(problem -> violations.add(new Violation(problem.field(), problem.message())));
        return subject;
    }

    /** The contract's rule for a listing's indicators ({@link IndicatorReadings}): certification applies the same. */
    private static List<Indicator> checkIndicators(List<IndicatorInput> inputs, List<Violation> violations) {
        var checked = IndicatorReadings.check(inputs, Indicator::new);
        checked.problems().forEach(problem -> violations.add(new Violation(problem.field(), problem.message())));
        return checked.readings();
    }

    private static void required(String field, String value, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation("subject." + field, "is required"));
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
