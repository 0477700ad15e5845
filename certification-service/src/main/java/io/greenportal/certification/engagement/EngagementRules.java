package io.greenportal.certification.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.evaluationbody.BodyStatus;
import io.greenportal.certification.evaluationbody.EvaluationBody;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;

/**
 * Whether a body may evaluate an application (active, qualified for the type on the day, no conflict
 * of interest, under its cap in the batch) and what its report must hold.
 */
public final class EngagementRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EngagementRules() {
    }

    /** Refuses (409 or 400, field {@code bodyId}) a body that may not evaluate {@code application} on {@code today}. */
    public static void requireEligible(EvaluationBody body, Application application, LocalDate today) {
        if (body.status() != BodyStatus.ACTIVE) {
            throw ApiException.conflict("body-not-active", "bodyId", "Evaluation body '" + body.name() + "' is "
                    + body.status() + ": only an ACTIVE body may evaluate applications")
                    .withProperty("currentStatus", body.status().name());
        }
        if (!body.types().contains(application.type())) {
            throw ApiException.invalid("bodyId", "evaluation body '" + body.name() + "' is qualified for "
                    + body.types() + ", not " + application.type());
        }
        if (today.isAfter(body.qualifiedUntil())) {
            throw ApiException.invalid("bodyId", "the qualification of evaluation body '" + body.name() + "' ended on "
                    + body.qualifiedUntil());
        }
        String conflict = body.conflictWith(application.uscc());
        if (conflict != null) {
            throw ApiException.conflict("conflict-of-interest", "bodyId", "Evaluation body '" + body.name()
                    + "' may not evaluate this enterprise: " + conflict);
        }
    }

    /** 409 naming the cap when the body already has {@code confirmed} engagements in the batch. */
    public static void requireUnderCap(EvaluationBody body, long confirmed, int cap) {
        if (confirmed >= cap) {
            throw ApiException.conflict("engagement-cap-reached", "engagement", "Evaluation body '" + body.name()
                    + "' has confirmed " + confirmed + " engagements in this batch; the cap is " + cap)
                    .withProperty("cap", cap).withProperty("confirmed", confirmed);
        }
    }

    public record ReportRequest(String reportNumber, Map<String, BigDecimal> scores, BigDecimal totalScore) {
    }

    /** A report's content checked against the aspects of {@code application}'s standard; 400 naming every wrong field. */
    public record Report(String reportNumber, Map<String, BigDecimal> scores, BigDecimal totalScore) {
    }

    public static Report check(Application application, ReportRequest request) {
        if (request == null) {
            throw ApiException.invalid("report", "send the report's reportNumber, scores per aspect and totalScore");
        }
        List<Violation> violations = new ArrayList<>();
        String number = request.reportNumber() == null ? null : request.reportNumber().strip();
        if (number == null || number.isEmpty()) {
            violations.add(new Violation("reportNumber", "is required (the report's number)"));
        } else if (number.length() > 200 || number.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("reportNumber", "must be at most 200 characters without control characters"));
        }
        List<String> aspects = EvaluationAspects.of(application.type());
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        Map<String, BigDecimal> given = request.scores() == null ? Map.of() : request.scores();
        for (String aspect : aspects) {
            BigDecimal score = given.get(aspect);
            if (score == null) {
                violations.add(new Violation("scores." + aspect, "is required: score every aspect of the standard "
                        + aspects));
            } else if (!isScore(score)) {
                violations.add(new Violation("scores." + aspect, "must be between 0 and 100 with at most two decimals"));
            } else {
                scores.put(aspect, score);
            }
        }
        given.keySet().stream().filter(k -> !aspects.contains(k)).sorted().forEach(k -> violations.add(
                new Violation("scores." + k, "is not an aspect of the " + application.type() + " standard " + aspects)));
        if (request.totalScore() == null) {
            violations.add(new Violation("totalScore", "is required"));
        } else if (!isScore(request.totalScore())) {
            violations.add(new Violation("totalScore", "must be between 0 and 100 with at most two decimals"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new Report(number, scores, request.totalScore());
    }

    private static boolean isScore(BigDecimal score) {
        return score.signum() >= 0 && score.compareTo(HUNDRED) <= 0 && score.stripTrailingZeros().scale() <= 2;
    }
}
