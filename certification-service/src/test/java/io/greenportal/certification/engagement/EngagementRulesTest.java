package io.greenportal.certification.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ListingType;
import io.greenportal.certification.evaluationbody.BodyStatus;
import io.greenportal.certification.evaluationbody.EvaluationBody;
import io.greenportal.certification.support.Applications;
import io.greenportal.certification.support.Callers;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who may evaluate an application, the cap, and what a report must score. */
@Tag("unit")
class EngagementRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2025-03-10");
    static final OffsetDateTime AT = OffsetDateTime.parse("2025-01-01T09:00:00+08:00");

    static EvaluationBody body(String code, BodyStatus status, List<ListingType> types, LocalDate until,
            List<String> affiliations) {
        return new EvaluationBody(UUID.randomUUID(), "宁夏节能低碳评价中心", code, types, until, "王工", affiliations, status,
                AT, AT);
    }

    static EvaluationBody active() {
        return body("91640100MA76E0001Y", BodyStatus.ACTIVE, List.of(ListingType.GREEN_FACTORY), TODAY.plusYears(1), List.of());
    }

    @Test
    void anActiveQualifiedUnrelatedBodyMayEvaluate() {
        EngagementRules.requireEligible(active(), Applications.factory(ApplicationState.DRAFT, 0), TODAY);
    }

    @Test
    void notActiveNotQualifiedOrExpiredIsRefused() {
        var factory = Applications.factory(ApplicationState.DRAFT, 0);
        var suspended = Refusal.of(() -> EngagementRules.requireEligible(body("91640100MA76E0001Y", BodyStatus.SUSPENDED,
                List.of(ListingType.GREEN_FACTORY), TODAY.plusYears(1), List.of()), factory, TODAY));
        assertThat(suspended.status()).isEqualTo(409);
        assertThat(suspended.properties()).containsEntry("currentStatus", "SUSPENDED");
        assertThat(Refusal.of(() -> EngagementRules.requireEligible(body("91640100MA76E0001Y", BodyStatus.ACTIVE,
                List.of(ListingType.GREEN_PARK), TODAY.plusYears(1), List.of()), factory, TODAY)).field()).isEqualTo("bodyId");
        var expired = Refusal.of(() -> EngagementRules.requireEligible(body("91640100MA76E0001Y", BodyStatus.ACTIVE,
                List.of(ListingType.GREEN_FACTORY), TODAY.minusDays(1), List.of()), factory, TODAY));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.detail()).contains("ended");
    }

    @Test
    void aBodyNeverEvaluatesItselfOrAnAffiliate() {
        var factory = Applications.factory(ApplicationState.DRAFT, 0);
        var itself = Refusal.of(() -> EngagementRules.requireEligible(body(Callers.ENT_A, BodyStatus.ACTIVE,
                List.of(ListingType.GREEN_FACTORY), TODAY.plusYears(1), List.of()), factory, TODAY));
        assertThat(itself.status()).isEqualTo(409);
        assertThat(itself.type()).isEqualTo("conflict-of-interest");
        var affiliate = Refusal.of(() -> EngagementRules.requireEligible(body("91640100MA76E0001Y", BodyStatus.ACTIVE,
                List.of(ListingType.GREEN_FACTORY), TODAY.plusYears(1), List.of(Callers.ENT_A)), factory, TODAY));
        assertThat(affiliate.type()).isEqualTo("conflict-of-interest");
        assertThat(affiliate.detail()).contains("affiliation");
    }

    @Test
    void theCapIsNamedWhenReached() {
        EngagementRules.requireUnderCap(active(), 14, 15);
        var refusal = Refusal.of(() -> EngagementRules.requireUnderCap(active(), 15, 15));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.type()).isEqualTo("engagement-cap-reached");
        assertThat(refusal.properties()).containsEntry("cap", 15);
        assertThat(refusal.detail()).contains("the cap is 15");
    }

    static Map<String, BigDecimal> factoryScores() {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        EvaluationAspects.of(ListingType.GREEN_FACTORY).forEach(a -> scores.put(a, new BigDecimal("85.5")));
        return scores;
    }

    @Test
    void aFactoryReportScoresTheSevenAspectsOfGbt36132() {
        assertThat(EvaluationAspects.of(ListingType.GREEN_FACTORY)).hasSize(7);
        var report = EngagementRules.check(Applications.factory(ApplicationState.DRAFT, 0),
                new EngagementRules.ReportRequest(" NXJN-2025-017 ", factoryScores(), new BigDecimal("86")));
        assertThat(report.reportNumber()).isEqualTo("NXJN-2025-017");
        assertThat(report.scores()).hasSize(7);
    }

    @Test
    void missingUnknownAndOutOfRangeScoresAreNamed() {
        var scores = factoryScores();
        scores.remove("PERFORMANCE");
        scores.put("PRODUCTS", new BigDecimal("100.5"));
        scores.put("INFRASTRUCTURE", new BigDecimal("80.125"));
        scores.put("RESOURCE_ATTRIBUTES", BigDecimal.TEN);
        var refusal = Refusal.of(() -> EngagementRules.check(Applications.factory(ApplicationState.DRAFT, 0),
                new EngagementRules.ReportRequest(null, scores, new BigDecimal("-1"))));
        assertThat(refusal.fields()).containsExactly("reportNumber", "scores.INFRASTRUCTURE", "scores.PRODUCTS",
                "scores.PERFORMANCE", "scores.RESOURCE_ATTRIBUTES", "totalScore");
    }
}
