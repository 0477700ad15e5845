package io.greenportal.certification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.greenportal.certification.application.ApplicationRequest.IndicatorInput;
import io.greenportal.certification.reference.ReferenceCodes;
import io.greenportal.certification.support.Applications;
import io.greenportal.certification.support.ReferenceRegistry;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a draft may hold and what a submission needs, with the registry's region and industry codes
 * served in-process (Ningxia is the portal's province).
 */
@Tag("unit")
class ApplicationRulesTest {

    final ReferenceRegistry registry = new ReferenceRegistry();
    final ApplicationRules rules = new ApplicationRules(new ReferenceCodes(registry.stub(), "640000"));

    @AfterEach
    void close() {
        registry.close();
    }

    static ApplicationRequest draft(String region, String industry, Subject subject, BigDecimal selfScore,
            IndicatorInput... indicators) {
        return new ApplicationRequest(Applications.BATCH, "GREEN_FACTORY", " 宁夏绿源新材料有限公司 ", region, industry,
                subject, selfScore, indicators.length == 0 ? null : Arrays.asList(indicators), "宁夏节能技术服务中心",
                "NXJN-2025-017");
    }

    static Subject site(String site) {
        return new Subject(site, null, null, null, null, "GB/T 36132-2018");
    }

    @Test
    void aFactoryDraftIsCleanedAndPlacedInItsCity() {
        var content = rules.check(ListingType.GREEN_FACTORY, draft(" 640106 ", "C30", site(" 金凤区新材料生产基地 "),
                new BigDecimal("86.5"), new IndicatorInput("WATER_REUSE_RATE", null, "95.5", null)));
        assertThat(content.enterpriseName()).isEqualTo("宁夏绿源新材料有限公司");
        assertThat(content.regionCode()).isEqualTo("640106");
        assertThat(content.cityCode()).as("municipal reviewers are scoped by it").isEqualTo("640100");
        assertThat(content.subject().siteName()).isEqualTo("金凤区新材料生产基地");
        assertThat(content.indicators()).containsExactly(
                new Indicator("WATER_REUSE_RATE", "工业用水重复利用率", new BigDecimal("95.5"), "%"));
    }

    @Test
    void aDraftMayStillMissAnythingButWhatItHoldsMustBeValid() {
        var empty = new ApplicationRequest(null, null, null, null, null, null, null, null, null, null);
        var content = rules.check(ListingType.GREEN_PARK, empty);
        assertThat(content.regionCode()).isNull();
        assertThat(content.cityCode()).isNull();
        assertThat(content.indicators()).isEmpty();
        assertThat(registry.calls()).as("nothing to check against the registry").isZero();
    }

    @Test
    void theRegionIsACityOrCountyOfTheProvinceTheRegistryKnows() {
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, draft("64010", null, null, null))).detail())
                .isEqualTo("regionCode: must be a six-digit GB/T 2260 region code such as 640106");
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, draft("640199", null, null, null))).detail())
                .isEqualTo("regionCode: '640199' is not a known GB/T 2260 region code");
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, draft("140223", null, null, null))).detail())
                .as("Datong is in Shanxi").isEqualTo("regionCode: must be a city or county of the province 640000");
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, draft("640000", null, null, null))).detail())
                .as("the province itself is no place for a factory")
                .isEqualTo("regionCode: must be a city or county of the province 640000");
        assertThat(rules.check(ListingType.GREEN_FACTORY, draft("640200", null, null, null)).cityCode()).isEqualTo("640200");
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, draft(null, "C99", null, null))).detail())
                .isEqualTo("industryCode: 'C99' is not a GB/T 4754-2017 industry division such as C30");
    }

    @Test
    void theSelfEvaluationScoreIs0To100WithTwoDecimals() {
        for (String score : List.of("0", "60", "86.5", "99.99", "100", "100.00")) {
            assertThat(rules.check(ListingType.GREEN_FACTORY, draft(null, null, null, new BigDecimal(score))).selfScore())
                    .isEqualByComparingTo(score);
        }
        for (String score : List.of("-0.01", "100.01", "86.125", "101")) {
            assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, draft(null, null, null,
                    new BigDecimal(score)))).detail()).as(score)
                    .isEqualTo("selfScore: must be between 0 and 100 with at most two decimals");
        }
    }

    @Test
    void aSelfScoreOutOfRangeIsRefusedBeforeTheDraftIsLookedUp() {
        for (String score : List.of("-1", "1000000000000000", "100.001")) {
            assertThat(Refusal.of(() -> ApplicationRules.checkNumbers(draft(null, null, null, new BigDecimal(score))))
                    .fields()).as(score).containsExactly("selfScore");
        }
        ApplicationRules.checkNumbers(draft(null, null, null, new BigDecimal("86.5")));
        ApplicationRules.checkNumbers(draft(null, null, null, null));
    }

    @Test
    void theSubjectFieldsAreThoseOfTheType() {
        var parkWithSite = draft(null, null, site("厂区"), null);
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_PARK, parkWithSite)).detail())
                .isEqualTo("subject.siteName: does not apply to GREEN_PARK");
        var supplyChainWithSite = draft(null, null, site("厂区"), null);
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_SUPPLY_CHAIN, supplyChainWithSite)).fields())
                .containsExactly("subject.siteName");
        var productWithPark = draft(null, null, new Subject(null, "园区", "硅酸盐水泥", "P·O 42.5", "建材", null), null);
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_PRODUCT, productWithPark)).fields())
                .containsExactly("subject.parkName");
        var factoryWithProduct = draft(null, null, new Subject("厂区", null, "水泥", "P·O 42.5", "建材", null), null);
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, factoryWithProduct)).fields())
                .containsExactly("subject.productName", "subject.productModel", "subject.productCategory");
        var longSite = draft(null, null, site("厂".repeat(201)), null);
        assertThat(Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, longSite)).detail())
                .isEqualTo("subject.siteName: must be at most 200 characters");
    }

    @Test
    void textsHaveNoControlCharactersAndAtMost200Characters() {
        var request = new ApplicationRequest(null, null, "宁夏绿源\u0000新材料有限公司", null, null, null, null, null,
                "评".repeat(201), "报告\n第二行");
        var refusal = Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, request));
        assertThat(refusal.fields()).containsExactly("enterpriseName", "evaluationBody", "evaluationReport");
        assertThat(refusal.detail()).contains("enterpriseName: must not contain control characters")
                .contains("evaluationBody: must be at most 200 characters");
    }

    @Test
    void indicatorsFollowTheRegistrysTableSoAnApprovalNeverFailsThere() {
        var refusal = Refusal.of(() -> rules.check(ListingType.GREEN_FACTORY, draft(null, null, null, null,
                new IndicatorInput("ENERGY_PER_VALUE_ADDED", null, "352", "kgce/万元"),
                new IndicatorInput("SOLID_WASTE_UTILISATION", null, "100.5", null),
                new IndicatorInput("OWN_METRIC", "自定义指标", "1", "u".repeat(33)),
                new IndicatorInput("OWN_METRIC_2", "名".repeat(201), "1", "t"),
                new IndicatorInput("DATA_CENTRE_PUE", null, "0.9", null),
                new IndicatorInput("DATA_CENTRE_PUE", null, "1.3", null))));
        assertThat(refusal.fields()).containsExactly("indicators[0].unit", "indicators[1].value", "indicators[2].unit",
                "indicators[3].name", "indicators[4].value", "indicators[5].code");
        assertThat(refusal.detail())
                .contains("indicators[0].unit: ENERGY_PER_VALUE_ADDED is measured in tce/万元, not kgce/万元")
                .contains("indicators[2].unit: must be at most 32 characters")
                .contains("indicators[5].code: DATA_CENTRE_PUE appears twice");
    }

    static final EvaluationCheck.Readiness READY = new EvaluationCheck.Readiness(true, true);

    @Test
    void aCompleteFactoryHasNothingMissing() {
        assertThat(rules.missing(Applications.factory(ApplicationState.DRAFT, 0), READY)).isEmpty();
        assertThat(rules.missing(Applications.factory(ApplicationState.RETURNED, 1), new EvaluationCheck.Readiness(true, false)))
                .extracting(v -> v.field()).containsExactly("evaluationReport");
        assertThat(rules.missing(Applications.factory(ApplicationState.DRAFT, 0), new EvaluationCheck.Readiness(false, false)))
                .extracting(v -> v.field()).containsExactly("evaluationBody", "evaluationReport");
    }

    @Test
    void submissionNeedsWhatEachTypeIsAbout() {
        assertThat(rules.missing(Applications.empty(ListingType.GREEN_FACTORY), new EvaluationCheck.Readiness(false, false)))
                .extracting(v -> v.field())
                .containsExactly("enterpriseName", "regionCode", "industryCode", "subject.siteName",
                        "subject.evaluationStandard", "selfScore", "indicators", "evaluationBody", "evaluationReport");
        assertThat(rules.missing(Applications.empty(ListingType.GREEN_PARK), READY)).extracting(v -> v.field())
                .contains("subject.parkName").doesNotContain("subject.siteName", "documents");
        assertThat(rules.missing(Applications.empty(ListingType.GREEN_PRODUCT), READY)).extracting(v -> v.field())
                .contains("subject.productName", "subject.productCategory").doesNotContain("subject.productModel");
        assertThat(rules.missing(Applications.empty(ListingType.GREEN_SUPPLY_CHAIN), READY)).extracting(v -> v.field())
                .doesNotContain("subject.siteName", "subject.parkName", "subject.productName")
                .contains("subject.evaluationStandard");
    }
}
