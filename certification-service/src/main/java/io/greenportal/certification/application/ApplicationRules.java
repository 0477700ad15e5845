package io.greenportal.certification.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.greenportal.certification.reference.ReferenceCodes;
import io.greenportal.contracts.registry.v1.IndicatorReadings;
import io.greenportal.contracts.registry.v1.ListingSubjects;
import io.greenportal.platform.creditcode.DivisionCodes;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * What a draft may hold and what a submission needs. The subject and indicator rules are the
 * registry's, so an application that passes here is one the registry accepts when it is approved.
 */
@Component
public class ApplicationRules {


    static final int MAX_TEXT = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ReferenceCodes codes;

    public ApplicationRules(ReferenceCodes codes) {
        this.codes = codes;
    }

    /** The editable content of a draft, cleaned; throws 400 naming every invalid field. */
    public record Content(String enterpriseName, String regionCode, String cityCode, String industryCode,
            Subject subject, BigDecimal selfScore, List<Indicator> indicators, String evaluationBody,
            String evaluationReport) {
    }

    /** Why a self-assessed score is not one (0 to 100, at most two decimals); null when it is or is absent. */
    static String selfScoreProblem(BigDecimal score) {
        return score != null && (score.signum() < 0 || score.compareTo(HUNDRED) > 0 || score.scale() > 2)
                ? "must be between 0 and 100 with at most two decimals" : null;
    }

    /**
     * The numbers of a draft's content, checked before the draft is looked up: a number out of its
     * range is a 400 whether or not the draft exists (the rest of {@link #check} needs its type).
     */
    public static void checkNumbers(ApplicationRequest request) {
        String problem = selfScoreProblem(request.selfScore());
        if (problem != null) {
            throw ApiException.invalid("selfScore", problem);
        }
    }

    public Content check(ListingType type, ApplicationRequest request) {
        List<Violation> violations = new ArrayList<>();
        String name = text(request.enterpriseName(), "enterpriseName", violations);
        String region = trimToNull(request.regionCode());
        if (region != null) {
            String problem = codes.regionProblem(region);
            if (problem != null) {
                violations.add(new Violation("regionCode", problem));
            }
        }
        String industry = trimToNull(request.industryCode());
        if (industry != null) {
            String problem = codes.industryProblem(industry);
            if (problem != null) {
                violations.add(new Violation("industryCode", problem));
            }
        }
        Subject subject = checkSubject(type, request.subject() == null ? Subject.NONE : request.subject(), violations);
        BigDecimal score = request.selfScore();
        if (selfScoreProblem(score) != null) {
            violations.add(new Violation("selfScore", selfScoreProblem(score)));
        }
        List<Indicator> indicators = checkIndicators(request.indicators(), violations);
        String body = text(request.evaluationBody(), "evaluationBody", violations);
        String report = text(request.evaluationReport(), "evaluationReport", violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new Content(name, region, region == null ? null : DivisionCodes.cityOf(region), industry, subject,
                score, indicators, body, report);
    }

    /** What is still missing before the application can be submitted (empty: complete). */
    public List<Violation> missing(Application a, EvaluationCheck.Readiness evaluation) {
        List<Violation> missing = new ArrayList<>();
        if (a.enterpriseName() == null) {
            missing.add(new Violation("enterpriseName", "is required to submit"));
        }
        if (a.regionCode() == null) {
            missing.add(new Violation("regionCode", "is required to submit"));
        }
        if (a.industryCode() == null) {
            missing.add(new Violation("industryCode", "is required to submit"));
        }
        Subject s = a.subject();
        switch (a.type()) {
            case GREEN_FACTORY -> required(s.siteName(), "subject.siteName", missing);
            case GREEN_PARK -> required(s.parkName(), "subject.parkName", missing);
            case GREEN_PRODUCT -> {
                required(s.productName(), "subject.productName", missing);
                required(s.productCategory(), "subject.productCategory", missing);
            }
            case GREEN_SUPPLY_CHAIN -> {
            }
        }
        required(s.evaluationStandard(), "subject.evaluationStandard", missing);
        if (a.selfScore() == null) {
            missing.add(new Violation("selfScore", "is required to submit"));
        }
        if (a.indicators().isEmpty()) {
            missing.add(new Violation("indicators", "at least one indicator is required to submit"));
        }
        if (!evaluation.confirmed()) {
            missing.add(new Violation("evaluationBody", "name a registered evaluation body (PUT …/engagement); it must be "
                    + "ACTIVE and confirm the engagement before the application is submitted"));
        }
        if (!evaluation.reported()) {
            missing.add(new Violation("evaluationReport", "the engaged evaluation body uploads its report (PDF) with the "
                    + "scores of every aspect before the application is submitted"));
        }
        return missing;
    }

    private static void required(String value, String field, List<Violation> missing) {
        if (value == null) {
            missing.add(new Violation(field, "is required to submit"));
        }
    }

    private static Subject checkSubject(ListingType type, Subject raw, List<Violation> violations) {
        Subject s = new Subject(trimToNull(raw.siteName()), trimToNull(raw.parkName()), trimToNull(raw.productName()),
                trimToNull(raw.productModel()), trimToNull(raw.productCategory()), trimToNull(raw.evaluationStandard()));
        ListingSubjects.problems(type.name(), s)
                .forEach(problem -> violations.add(new Violation(problem.field(), problem.message())));
        return s;
    }

    /** The contract's rule for a listing's indicators ({@link IndicatorReadings}): the registry applies the same. */
    public static List<Indicator> checkIndicators(List<ApplicationRequest.IndicatorInput> inputs, List<Violation> violations) {
        var checked = IndicatorReadings.check(inputs, Indicator::new);
        checked.problems().forEach(problem -> violations.add(new Violation(problem.field(), problem.message())));
        return checked.readings();
    }

    private static String text(String value, String field, List<Violation> violations) {
        String trimmed = trimToNull(value);
        if (trimmed != null && trimmed.length() > MAX_TEXT) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT + " characters"));
        }
        if (trimmed != null && trimmed.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(field, "must not contain control characters"));
        }
        return trimmed;
    }

    static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
