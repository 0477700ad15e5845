package io.greenportal.registry.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.greenportal.platform.web.Times;
import io.greenportal.registry.listing.ListingRequest.EnterpriseInput;
import io.greenportal.registry.listing.ListingRequest.IndicatorInput;
import io.greenportal.registry.reference.Industries;
import io.greenportal.registry.reference.Regions;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The registry's rules for a new listing (REST, gRPC and imports all pass them), against the
 * shipped GB/T 2260 and GB/T 4754 tables, on 1 June 2026 in Shanghai.
 */
@Tag("unit")
class ListingRulesTest {

    static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), Times.ZONE);

    final ListingRules rules = new ListingRules(new Regions(), new Industries(), JUNE_2026);

    static EnterpriseInput jidong() {
        return new EnterpriseInput("914403001922038216", "大同冀东水泥有限责任公司", "140214", "C30");
    }

    static ListingRequest factory(Integer year) {
        return new ListingRequest("GREEN_FACTORY", "NATIONAL", jidong(),
                new Subject("云冈区水泥熟料生产线", null, null, null, null, "GB/T 36132-2018 绿色工厂评价通则"), year,
                "2020年度第1批", null, List.of(), null, null, null);
    }

    static ListingRequest with(ListingRequest r, Subject subject, String type) {
        return new ListingRequest(type, r.level(), r.enterprise(), subject, r.year(), r.batch(), r.certificateNumber(),
                r.indicators(), r.grantedOn(), r.status(), r.statusReason());
    }

    static ListingRequest withIndicators(IndicatorInput... indicators) {
        ListingRequest r = factory(2024);
        return new ListingRequest(r.type(), r.level(), r.enterprise(), r.subject(), r.year(), r.batch(),
                r.certificateNumber(), Arrays.asList(indicators), r.grantedOn(), r.status(), r.statusReason());
    }

    static ListingRequest withNumberDateStatus(String certificateNumber, String grantedOn, String status, String reason) {
        ListingRequest r = factory(2024);
        return new ListingRequest(r.type(), r.level(), r.enterprise(), r.subject(), r.year(), r.batch(),
                certificateNumber, r.indicators(), grantedOn, status, reason);
    }

    @Test
    void aDatongCementFactoryPassesWithItsValuesTrimmedAndTyped() {
        var request = new ListingRequest(" GREEN_FACTORY ", "NATIONAL",
                new EnterpriseInput(" 914403001922038216 ", " 大同冀东水泥有限责任公司 ", " 140214", "C30 "),
                new Subject("  云冈区水泥熟料生产线 ", " ", null, null, null, null), 2020, "  ", " GF-CN-2020-0002 ",
                null, "2020-12-31", null, null);
        var valid = rules.check(request);
        assertThat(valid.type()).isEqualTo(ListingType.GREEN_FACTORY);
        assertThat(valid.level()).isEqualTo(Level.NATIONAL);
        assertThat(valid.enterprise()).isEqualTo(jidong());
        assertThat(valid.subject().siteName()).isEqualTo("云冈区水泥熟料生产线");
        assertThat(valid.subject().parkName()).as("blank is absent").isNull();
        assertThat(valid.batch()).isNull();
        assertThat(valid.certificateNumber()).isEqualTo("GF-CN-2020-0002");
        assertThat(valid.grantedOn()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(valid.status()).as("a new listing without a status is active").isEqualTo(ListingStatus.ACTIVE);
        assertThat(valid.indicators()).isEmpty();
    }

    @Test
    void everyWrongFieldIsNamedAtOnceTheFirstOneAsTheField() {
        var request = new ListingRequest("FACTORY", "national",
                new EnterpriseInput("914403001922038217", "", "640099", "C99"), null, 2015, "x".repeat(65), "GF",
                null, "2026-13-01", "revoked", null);
        var refusal = Refusal.of(() -> rules.check(request));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.type()).isEqualTo("invalid-field");
        assertThat(refusal.field()).isEqualTo("type");
        assertThat(refusal.fields()).containsExactly("type", "level", "enterprise.uscc", "enterprise.name",
                "enterprise.regionCode", "enterprise.industryCode", "year", "batch", "certificateNumber", "grantedOn",
                "status");
        assertThat(refusal.detail())
                .contains("type: 'FACTORY' is not one of [GREEN_FACTORY, GREEN_PARK, GREEN_PRODUCT, GREEN_SUPPLY_CHAIN]")
                .contains("level: 'national' is not one of [NATIONAL, PROVINCIAL, MUNICIPAL]")
                .contains("enterprise.uscc: the check character does not match")
                .contains("enterprise.regionCode: '640099' is not a known GB/T 2260 region code")
                .contains("enterprise.industryCode: 'C99' is not a GB/T 4754-2017 industry division such as C30")
                .contains("year: must be between 2016 and 2027");
    }

    @Test
    void theYearRunsFromTheFirstNationalListsOf2016ToNextYear() {
        assertThat(rules.check(factory(2016)).year()).isEqualTo(2016);
        assertThat(rules.check(factory(2027)).year()).as("next year's batch may be registered").isEqualTo(2027);
        assertThat(Refusal.of(() -> rules.check(factory(2015))).fields()).containsExactly("year");
        assertThat(Refusal.of(() -> rules.check(factory(2028))).fields()).containsExactly("year");
        assertThat(Refusal.of(() -> rules.check(factory(null))).detail()).isEqualTo("year: is required");
    }

    @Test
    void aYearToSearchForIsOneAListingCanHave() {
        assertThat(rules.yearProblem(2016)).isNull();
        assertThat(rules.yearProblem(2027)).isNull();
        for (int year : new int[] {2015, 2028, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(rules.yearProblem(year)).as("year " + year).isEqualTo("must be between 2016 and 2027");
        }
    }

    @Test
    void aParkNamesItsParkAndNoSiteOrProduct() {
        var park = with(factory(2024), new Subject(null, "银川经济技术开发区", null, null, null, null), "GREEN_PARK");
        assertThat(rules.check(park).subject().parkName()).isEqualTo("银川经济技术开发区");

        var noPark = with(factory(2024), new Subject("厂区", null, null, null, null, null), "GREEN_PARK");
        assertThat(Refusal.of(() -> rules.check(noPark)).fields()).containsExactly("subject.parkName", "subject.siteName");
    }

    @Test
    void aProductNeedsItsNameAndCategoryAndNoSiteOrPark() {
        var product = with(factory(2024), new Subject(null, null, "硅酸盐水泥", "P·O 42.5", "建材", null), "GREEN_PRODUCT");
        assertThat(rules.check(product).subject()).isEqualTo(new Subject(null, null, "硅酸盐水泥", "P·O 42.5", "建材", null));

        var bare = with(factory(2024), new Subject("厂区", "园区", null, "P·O 42.5", null, null), "GREEN_PRODUCT");
        assertThat(Refusal.of(() -> rules.check(bare)).fields()).containsExactly("subject.productName",
                "subject.productCategory", "subject.siteName", "subject.parkName");
    }

    @Test
    void aFactoryHasNoParkOrProductAndASupplyChainEnterpriseNotEvenASite() {
        var factoryWithProduct = with(factory(2024), new Subject("厂区", "园区", "水泥", "P·O 42.5", "建材", null),
                "GREEN_FACTORY");
        assertThat(Refusal.of(() -> rules.check(factoryWithProduct)).fields()).containsExactly("subject.parkName",
                "subject.productName", "subject.productModel", "subject.productCategory");

        var supplyChain = with(factory(2024), new Subject(null, null, null, null, null, null), "GREEN_SUPPLY_CHAIN");
        assertThat(rules.check(supplyChain).subject()).isEqualTo(Subject.NONE);
        var supplyChainWithSite = with(factory(2024), new Subject("厂区", null, null, null, null, null),
                "GREEN_SUPPLY_CHAIN");
        assertThat(Refusal.of(() -> rules.check(supplyChainWithSite)).fields()).containsExactly("subject.siteName");
    }

    @Test
    void textsAreLimitedTo200Characters() {
        var longName = with(factory(2024), new Subject("厂".repeat(201), null, null, null, null, "标".repeat(200)),
                "GREEN_FACTORY");
        assertThat(Refusal.of(() -> rules.check(longName)).fields()).containsExactly("subject.siteName");
        var request = factory(2024);
        var longEnterprise = new ListingRequest(request.type(), request.level(),
                new EnterpriseInput("914403001922038216", "企".repeat(201), "140214", "C30"), request.subject(), 2024,
                null, null, null, null, null, null);
        assertThat(Refusal.of(() -> rules.check(longEnterprise)).detail())
                .isEqualTo("enterprise.name: must be at most 200 characters");
    }

    @Test
    void knownIndicatorsTakeTheirCanonicalNameAndUnit() {
        var valid = rules.check(withIndicators(new IndicatorInput(" ENERGY_PER_VALUE_ADDED ", null, " 0.352 ", null),
                new IndicatorInput("WATER_REUSE_RATE", "水重复利用率", "95.5", "%"),
                new IndicatorInput("KILN_HEAT_CONSUMPTION", "熟料烧成热耗", "2950", "kJ/kg")));
        assertThat(valid.indicators()).containsExactly(
                new Indicator("ENERGY_PER_VALUE_ADDED", "单位工业增加值能耗", new BigDecimal("0.352"), "tce/万元"),
                new Indicator("WATER_REUSE_RATE", "水重复利用率", new BigDecimal("95.5"), "%"),
                new Indicator("KILN_HEAT_CONSUMPTION", "熟料烧成热耗", new BigDecimal("2950"), "kJ/kg"));
    }

    @Test
    void aKnownIndicatorInAnotherUnitIsRefusedBecauseUnitsMatter() {
        var refusal = Refusal.of(() -> rules.check(withIndicators(
                new IndicatorInput("ENERGY_PER_VALUE_ADDED", null, "352", "kgce/万元"))));
        assertThat(refusal.detail())
                .isEqualTo("indicators[0].unit: ENERGY_PER_VALUE_ADDED is measured in tce/万元, not kgce/万元");
    }

    @Test
    void percentagesStayWithin0To100AndPueIsAtLeast1() {
        assertThat(rules.check(withIndicators(new IndicatorInput("SOLID_WASTE_UTILISATION", null, "100", null),
                new IndicatorInput("WATER_REUSE_RATE", null, "0", null),
                new IndicatorInput("DATA_CENTRE_PUE", null, "1.000", null))).indicators()).hasSize(3);
        var refusal = Refusal.of(() -> rules.check(withIndicators(
                new IndicatorInput("SOLID_WASTE_UTILISATION", null, "100.000001", null),
                new IndicatorInput("DATA_CENTRE_PUE", null, "0.99", null),
                new IndicatorInput("CO2_PER_VALUE_ADDED", null, "-0.1", null))));
        assertThat(refusal.fields()).containsExactly("indicators[0].value", "indicators[1].value", "indicators[2].value");
        // the range is said, with its unit
        assertThat(refusal.detail()).containsPattern("indicators\\[0]\\.value: is outside the range of SOLID_WASTE_UTILISATION "
                        + "\\(0(\\.0+)? to 100(\\.0+)? %\\)")
                .contains("indicators[2].value: cannot be negative");
    }

    @Test
    void indicatorCodesValuesAndCountAreChecked() {
        var refusal = Refusal.of(() -> rules.check(withIndicators(
                new IndicatorInput("energy_per_value_added", null, "0.3", null),
                new IndicatorInput("WATER_REUSE_RATE", null, "95", null),
                new IndicatorInput("WATER_REUSE_RATE", null, "96", null),
                new IndicatorInput("OWN_METRIC", null, "1", null),
                new IndicatorInput("OWN_METRIC_2", "自定义", "约0.3", "t"),
                new IndicatorInput("OWN_METRIC_3", "自定义", "0.1234567", "t"),
                null)));
        assertThat(refusal.fields()).containsExactly("indicators[0].code", "indicators[2].code", "indicators[3].unit",
                "indicators[3].name", "indicators[4].value", "indicators[5].value", "indicators[6]");
        assertThat(refusal.detail()).contains("indicators[2].code: WATER_REUSE_RATE appears twice")
                // a mistyped code is said to be unknown, with the known ones, before a custom indicator's fields are asked for
                .contains("indicators[3].unit: is required: OWN_METRIC is not a known indicator (CO2_PER_VALUE_ADDED, DATA_CENTRE_PUE, ENERGY_PER_VALUE_ADDED,")
                .contains("indicators[3].name: is required for an indicator of your own")
                .contains("indicators[4].value: must be a decimal number such as 0.352")
                .contains("indicators[5].value: has too many digits");

        List<IndicatorInput> fifty = new ArrayList<>(Collections.nCopies(51, new IndicatorInput("X_1", "x", "1", "t")));
        ListingRequest r = factory(2024);
        var tooMany = new ListingRequest(r.type(), r.level(), r.enterprise(), r.subject(), r.year(), null, null, fifty,
                null, null, null);
        assertThat(Refusal.of(() -> rules.check(tooMany)).detail()).isEqualTo("indicators: at most 50 indicators");
    }

    @Test
    void certificateNumbersAsTheMinistryWritesThemAreAccepted() {
        for (String number : List.of("GF-640000-2025-0007", "工信部节〔2019〕", "GD(2020)-001/a.1", "宁工信[2021]12号",
                "（2022）绿色001")) {
            assertThat(rules.check(withNumberDateStatus(number, null, null, null)).certificateNumber()).isEqualTo(number);
        }
        for (String number : List.of("GF1", "GF 2025 0007", "GF-2025;drop", "G".repeat(65))) {
            assertThat(Refusal.of(() -> rules.check(withNumberDateStatus(number, null, null, null))).fields())
                    .as(number).containsExactly("certificateNumber");
        }
    }

    @Test
    void aGrantDateIsADayNotInTheFuture() {
        assertThat(rules.check(withNumberDateStatus(null, "2026-06-01", null, null)).grantedOn())
                .isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(Refusal.of(() -> rules.check(withNumberDateStatus(null, "2026-06-02", null, null))).detail())
                .isEqualTo("grantedOn: cannot be in the future");
        assertThat(Refusal.of(() -> rules.check(withNumberDateStatus(null, "2026/06/01", null, null))).detail())
                .isEqualTo("grantedOn: must be a date YYYY-MM-DD");
    }

    @Test
    void aSuspendedOrRevokedListingComesWithItsReason() {
        var revoked = rules.check(withNumberDateStatus(null, null, "REVOKED", " 发生较大环境污染事件，撤销称号 "));
        assertThat(revoked.status()).isEqualTo(ListingStatus.REVOKED);
        assertThat(revoked.statusReason()).isEqualTo("发生较大环境污染事件，撤销称号");
        assertThat(Refusal.of(() -> rules.check(withNumberDateStatus(null, null, "SUSPENDED", " "))).detail())
                .isEqualTo("statusReason: is required for a SUSPENDED listing");
        assertThat(rules.check(withNumberDateStatus(null, null, " ", null)).status()).isEqualTo(ListingStatus.ACTIVE);
    }

    @Test
    void aRequestWithoutEnterpriseNamesTheEnterprise() {
        ListingRequest r = factory(2024);
        var none = new ListingRequest(r.type(), r.level(), null, r.subject(), 2024, null, null, null, null, null, null);
        assertThat(Refusal.of(() -> rules.check(none)).detail()).isEqualTo("enterprise: is required");
        var blank = new ListingRequest(r.type(), r.level(), new EnterpriseInput(null, null, " ", null), r.subject(), 2024,
                null, null, null, null, null, null);
        assertThat(Refusal.of(() -> rules.check(blank)).fields()).containsExactly("enterprise.uscc", "enterprise.name",
                "enterprise.regionCode", "enterprise.industryCode");
    }
}
