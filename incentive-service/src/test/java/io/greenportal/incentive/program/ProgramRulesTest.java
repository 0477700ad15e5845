package io.greenportal.incentive.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.greenportal.incentive.grpc.RegistryClient;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A program definition as an administrator sends it: every wrong field named at once. The registry's
 * region table is a fixed copy here; it is asked only when the eligibility names regions.
 */
@Tag("unit")
class ProgramRulesTest {

    static final OffsetDateTime OPENS = OffsetDateTime.parse("2025-03-01T00:00:00+08:00");
    static final OffsetDateTime CLOSES = OffsetDateTime.parse("2025-12-31T23:59:59+08:00");

    final AtomicInteger registryCalls = new AtomicInteger();
    final ProgramRules rules = new ProgramRules(new RegistryClient(null, null, Duration.ofSeconds(5)) {
        @Override
        public Regions regions() {
            registryCalls.incrementAndGet();
            return new Regions(Map.of("640000", "宁夏回族自治区", "640100", "银川市", "140200", "大同市"), Instant.now());
        }
    });

    static ProgramRequest retrofit(AmountRule rule) {
        return new ProgramRequest("NX-2025-RETROFIT", " 省级绿色制造推广技改资金 ", "RETROFIT", null,
                new Eligibility(null, null, null, List.of("640000")), rule, OPENS, CLOSES, new BigDecimal("51260000"));
    }

    static ProgramRequest award(List<AmountRule.Award> awards) {
        return new ProgramRequest("NX-2025-AWARD", "2025—2026年度省级绿色制造示范单位奖励", "AWARD", "一次性奖励",
                new Eligibility(null, List.of("PROVINCIAL"), List.of(2025, 2026), null),
                new AmountRule(awards, null, null, null), OPENS, CLOSES, new BigDecimal("10000000.00"));
    }

    @Test
    void theProvincialRetrofitFundIsAValidProgram() {
        var valid = rules.check(retrofit(new AmountRule(null, new BigDecimal("0.10"), new BigDecimal("25000000"), null)));
        assertThat(valid.code()).isEqualTo("NX-2025-RETROFIT");
        assertThat(valid.name()).isEqualTo("省级绿色制造推广技改资金");
        assertThat(valid.kind()).isEqualTo(ProgramKind.RETROFIT);
        assertThat(valid.amountRule().cap()).isEqualTo(new BigDecimal("25000000.00"));
        assertThat(valid.budget()).isEqualTo(new BigDecimal("51260000.00"));
        assertThat(registryCalls).hasValue(1);
    }

    @Test
    void theRegistryIsNotAskedWhenNoRegionIsNamed() {
        var valid = rules.check(award(List.of(new AmountRule.Award("GREEN_FACTORY", "PROVINCIAL", new BigDecimal("500000")))));
        assertThat(valid.amountRule().awards()).containsExactly(
                new AmountRule.Award("GREEN_FACTORY", "PROVINCIAL", new BigDecimal("500000.00")));
        assertThat(registryCalls).hasValue(0);
    }

    @Test
    void aShareIsAboveZeroAtMostOneWithFourDecimals() {
        for (String share : List.of("0.0001", "0.10", "0.4350", "1", "1.0000")) {
            assertThat(rules.check(retrofit(new AmountRule(null, new BigDecimal(share), new BigDecimal("1"), null)))
                    .amountRule().share()).isEqualByComparingTo(share);
        }
        for (String share : List.of("0", "-0.1", "1.0001", "10")) {
            assertThat(Refusal.of(() -> rules.check(retrofit(new AmountRule(null, new BigDecimal(share), new BigDecimal("1"),
                    null)))).detail()).as(share).startsWith("amountRule.share: must be a fraction above 0 and at most 1");
        }
        assertThat(Refusal.of(() -> rules.check(retrofit(new AmountRule(null, new BigDecimal("0.12345"), BigDecimal.ONE,
                null)))).detail()).isEqualTo("amountRule.share: may have at most four decimals");
        assertThat(Refusal.of(() -> rules.check(retrofit(new AmountRule(null, null, null, null)))).fields())
                .containsExactly("amountRule.share", "amountRule.cap");
    }

    @Test
    void eachKindTakesOnlyItsOwnRuleFields() {
        var award = new AmountRule(List.of(new AmountRule.Award("GREEN_FACTORY", "PROVINCIAL", BigDecimal.TEN)),
                new BigDecimal("0.1"), new BigDecimal("100"), new BigDecimal("5"));
        assertThat(Refusal.of(() -> rules.check(retrofit(award))).fields()).containsExactly("amountRule.awards",
                "amountRule.amount");
        var diagnostics = new ProgramRequest("NX-DIAG-2025", "工业节能诊断服务补助", "DIAGNOSTICS", null, null,
                new AmountRule(null, new BigDecimal("0.1"), null, null), OPENS, CLOSES, new BigDecimal("500000"));
        var refusal = Refusal.of(() -> rules.check(diagnostics));
        assertThat(refusal.fields()).containsExactly("amountRule.share", "amountRule.amount");
        assertThat(refusal.detail()).contains("amountRule.share: does not apply to DIAGNOSTICS programs");
    }

    @Test
    void awardsNameATypeAndLevelOnceEach() {
        var refusal = Refusal.of(() -> rules.check(award(Arrays.asList(
                new AmountRule.Award("GREEN_FACTORY", "PROVINCIAL", new BigDecimal("500000")),
                new AmountRule.Award("GREEN_FACTORY", "PROVINCIAL", new BigDecimal("400000")),
                new AmountRule.Award("green_park", "省级", new BigDecimal("0")),
                null))));
        assertThat(refusal.fields()).containsExactly("amountRule.awards[1]", "amountRule.awards[2].type",
                "amountRule.awards[2].level", "amountRule.awards[2].amount", "amountRule.awards[3]");
        assertThat(refusal.detail()).contains("amountRule.awards[1]: repeats GREEN_FACTORY/PROVINCIAL");
        assertThat(Refusal.of(() -> rules.check(award(List.of()))).detail())
                .isEqualTo("amountRule.awards: list the award per listing type and level");
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        var request = new ProgramRequest("nx-2025", " ", "award", "说".repeat(4001),
                new Eligibility(List.of("FACTORY"), List.of("COUNTY"), List.of(1999, 2101), List.of("640100", "640099")),
                null, CLOSES, OPENS, new BigDecimal("0.001"));
        var refusal = Refusal.of(() -> rules.check(request));
        assertThat(refusal.fields()).containsExactly("code", "name", "description", "kind", "eligibility.types[0]",
                "eligibility.levels[0]", "eligibility.years[0]", "eligibility.years[1]", "eligibility.regions[1]",
                "closesAt", "budget");
        assertThat(refusal.detail())
                .contains("kind: 'award' is not one of AWARD, RETROFIT, DIAGNOSTICS (upper case, exactly as written)")
                .contains("eligibility.regions[1]: '640099' is not a GB/T 2260 region code the registry knows")
                .contains("name: must not be blank")
                .contains("closesAt: must be after opensAt");
    }

    @Test
    void theCodeIsThreeToFortyUpperCaseLettersDigitsAndDashes() {
        for (String code : List.of("NX1", "NX-2025-AWARD", "A".repeat(40))) {
            assertThat(rules.check(new ProgramRequest(code, "奖励", "DIAGNOSTICS", null, null,
                    new AmountRule(null, null, null, BigDecimal.ONE), OPENS, CLOSES, BigDecimal.TEN)).code()).isEqualTo(code);
        }
        for (String code : List.of("NX", "-NX-2025", "NX_2025", "A".repeat(41), "宁夏2025")) {
            assertThat(Refusal.of(() -> rules.check(new ProgramRequest(code, "奖励", "DIAGNOSTICS", null, null,
                    new AmountRule(null, null, null, BigDecimal.ONE), OPENS, CLOSES, BigDecimal.TEN))).fields())
                    .as(code).containsExactly("code");
        }
        assertThat(Refusal.of(() -> rules.check(null)).detail()).isEqualTo("a program is required");
    }

    @Test
    void aProgramIsOpenFromItsOpeningUntilJustBeforeItCloses() {
        var program = new Program(null, "NX-2025-AWARD", "奖励", ProgramKind.AWARD, null, null, null, OPENS, CLOSES,
                new BigDecimal("10000000.00"), new BigDecimal("9500000.00"), BigDecimal.ZERO, null, null, null);
        assertThat(program.openAt(OPENS.minusNanos(1))).isFalse();
        assertThat(program.openAt(OPENS)).isTrue();
        assertThat(program.openAt(CLOSES.minusNanos(1))).isTrue();
        assertThat(program.openAt(CLOSES)).isFalse();
        assertThat(program.remaining()).isEqualTo(new BigDecimal("500000.00"));
    }
}
