package io.greenportal.incentive.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.incentive.support.Listings;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The amount a program proposes: an award per listing type and level, a fixed diagnostics amount, or
 * retrofit (技改) support of a share of the total investment up to a cap, rounded down to the fen,
 * checked against the eleven Datong projects of seed 004 that received the provincial retrofit fund.
 */
@Tag("unit")
class AmountRuleTest {

    static final BigDecimal WAN = new BigDecimal("10000");
    /** 10 % of the investment, at most 2,500 万元. */
    static final AmountRule RETROFIT = new AmountRule(null, new BigDecimal("0.10"), new BigDecimal("25000000.00"), null);

    static BigDecimal yuan(String wan) {
        return new BigDecimal(wan).multiply(WAN);
    }

    static BigDecimal propose(AmountRule rule, String investment) {
        return rule.propose(ProgramKind.RETROFIT, Listings.datongFactory(Level.PROVINCIAL, 2021).build(),
                new BigDecimal(investment));
    }

    /** 企业, 项目, 总投资 (万元), 支持额度 (万元), proposed (元): 我市获省级绿色制造推广技改资金项目情况 (seed 004). */
    @ParameterizedTest(name = "{1}: {2} 万元 → at most {4} 元, paid {3} 万元")
    @CsvSource(delimiter = '|', value = {
            "国电电力大同发电有限责任公司 | #7 机组汽轮机通流改造 | 8850 | 385 | 8850000.00",
            "国电电力大同发电有限责任公司 | #8 机组汽轮机通流改造 | 9000 | 395 | 9000000.00",
            "大同富乔垃圾焚烧发电有限公司 | 大同市城镇污泥干化处理项目 | 6984 | 200 | 6984000.00",
            "广灵金隅水泥有限公司 | 水泥窑协同处置技改项目 | 4659 | 150 | 4659000.00",
            "国药集团威奇达药业有限公司 | 7-ACA 发酵车间异味治理及克拉发酵车间尾气治理项目 | 5200 | 452 | 5200000.00",
            "国电电力大同发电有限责任公司 | 8 号 600MW 亚临界机组低位能供热技术节能改造工程项目 | 28223 | 2360 | 25000000.00",
            "山西漳电大唐塔山发电有限公司 | 塔山发电公司向塔山工业园区企业供工业生产蒸汽改造项目 | 1420.54 | 123 | 1420540.00",
            "大同冀东水泥有限责任公司 | 生产线节能技术改造 | 2007.19 | 173 | 2007190.00",
            "大同富乔垃圾焚烧发电有限公司 | 增加 500 吨/日生活垃圾处理能力扩容项目 | 10765 | 447 | 10765000.00",
            "大同市黄河供水有限责任公司 | 大同市口泉水厂消毒系统改造工程 | 1766 | 96 | 1766000.00",
            "山西亿晨环保科技有限公司 | 6万吨再生铅改扩建项目改建工程 | 8123 | 345 | 8123000.00"})
    void everyDatongSupportIsWithinTheRule(String enterprise, String project, String investment, String support,
            String proposed) {
        BigDecimal allowed = propose(RETROFIT, yuan(investment).toPlainString());
        assertThat(allowed).isEqualTo(new BigDecimal(proposed));
        assertThat(yuan(support)).as("the real support is approvable").isLessThanOrEqualTo(allowed);
    }

    @Test
    void theCapBindsTheLargestProjectAndNotTheOthers() {
        // 28,223 万元 × 10 % = 2,822.3 万元, above the 2,500 万元 cap
        assertThat(propose(RETROFIT, "282230000")).isEqualTo(new BigDecimal("25000000.00"));
        assertThat(propose(RETROFIT, "250000000")).as("exactly at the cap").isEqualTo(new BigDecimal("25000000.00"));
        assertThat(propose(RETROFIT, "249999999.99")).isEqualTo(new BigDecimal("24999999.99"));
    }

    @Test
    void aShareIsRoundedDownToTheFen() {
        assertThat(propose(RETROFIT, "1234567.89")).as("123,456.789 is not rounded up").isEqualTo(new BigDecimal("123456.78"));
        var calibrated = new AmountRule(null, new BigDecimal("0.0435"), new BigDecimal("25000000.00"), null);
        // the share the #7 unit received: 8,850 万元 × 4.35 % = 384.975 万元
        assertThat(propose(calibrated, "88500000")).isEqualTo(new BigDecimal("3849750.00"));
        assertThat(propose(calibrated, "14205400.01")).isEqualTo(new BigDecimal("617934.90"));
        assertThat(propose(calibrated, "0.01")).as("too small to propose anything").isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void anAwardIsTheAmountForTheListingsTypeAndLevel() {
        var awards = new AmountRule(List.of(new AmountRule.Award("GREEN_FACTORY", "NATIONAL", new BigDecimal("1000000")),
                new AmountRule.Award("GREEN_FACTORY", "PROVINCIAL", new BigDecimal("500000")),
                new AmountRule.Award("GREEN_PARK", "PROVINCIAL", new BigDecimal("800000.5"))), null, null, null);
        assertThat(awards.propose(ProgramKind.AWARD, Listings.ningxia(ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025)
                .build(), null)).isEqualTo(new BigDecimal("500000.00"));
        assertThat(awards.propose(ProgramKind.AWARD, Listings.ningxia(ListingType.GREEN_PARK, Level.PROVINCIAL, 2025)
                .build(), null)).isEqualTo(new BigDecimal("800000.50"));
        var municipal = Listings.ningxia(ListingType.GREEN_FACTORY, Level.MUNICIPAL, 2025).build();
        assertThat(awards.awardFor(municipal)).isEmpty();
        assertThatThrownBy(() -> awards.propose(ProgramKind.AWARD, municipal, null))
                .isInstanceOf(IllegalStateException.class).hasMessage("no award for GREEN_FACTORY/MUNICIPAL");
        assertThat(new AmountRule(null, null, null, null).awardFor(municipal)).isEmpty();
    }

    @Test
    void diagnosticsPayItsFixedAmountWhateverTheListing() {
        var diagnostics = new AmountRule(null, null, null, new BigDecimal("50000"));
        assertThat(diagnostics.propose(ProgramKind.DIAGNOSTICS, Listings.datongFactory(Level.NATIONAL, 2020).build(),
                null)).isEqualTo(new BigDecimal("50000.00"));
    }
}
