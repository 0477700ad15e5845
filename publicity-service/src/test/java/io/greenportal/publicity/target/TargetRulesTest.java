package io.greenportal.publicity.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.greenportal.publicity.reference.ReferenceNames;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Plan targets (规划目标) as an administrator sets them, with seed 000's: cumulatively 70, 80 and 100
 * green factories and 10, 11 and 12 green parks in Ningxia by 2021, 2022 and 2023. The registry's
 * region table is a fixed copy here.
 */
@Tag("unit")
class TargetRulesTest {

    static final String PLAN = "宁夏回族自治区工业和信息化厅《关于推进绿色制造体系建设的实施方案》";

    static ReferenceNames names(boolean loaded) {
        Map<String, String> regions = Map.of("640000", "宁夏回族自治区", "640100", "银川市", "140200", "大同市");
        return new ReferenceNames(null) {
            @Override
            public String region(String code) {
                return loaded ? regions.get(code) : null;
            }

            @Override
            public boolean loaded() {
                return loaded;
            }
        };
    }

    final TargetRules rules = new TargetRules(names(true));

    static TargetRequest factories(int year, int target) {
        return new TargetRequest("640000", "GREEN_FACTORY", null, year, target, PLAN, null);
    }

    @Test
    void seed000sTargetsAreValid() {
        int[][] plan = {{2021, 70}, {2022, 80}, {2023, 100}};
        for (int[] target : plan) {
            var valid = rules.check(factories(target[0], target[1]));
            assertThat(valid.regionName()).isEqualTo("宁夏回族自治区");
            assertThat(valid.cumulativeTarget()).isEqualTo(target[1]);
            assertThat(valid.level()).as("all levels count").isNull();
        }
        var parks = rules.check(new TargetRequest(" 640000 ", "green_park", "provincial", 2023, 12, " " + PLAN + " ",
                "含国家级、省级\n（累计）"));
        assertThat(parks.type()).isEqualTo("GREEN_PARK");
        assertThat(parks.level()).isEqualTo("PROVINCIAL");
        assertThat(parks.regionCode()).isEqualTo("640000");
        assertThat(parks.sourceDocument()).isEqualTo(PLAN);
        assertThat(parks.note()).as("a note may run over lines").isEqualTo("含国家级、省级\n（累计）");
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        var request = new TargetRequest("64000", "FACTORY", "COUNTY", 1989, 0, " ", "备注\u0007");
        var refusal = Refusal.of(() -> rules.check(request));
        assertThat(refusal.fields()).containsExactly("regionCode", "type", "level", "year", "cumulativeTarget",
                "sourceDocument", "note");
        assertThat(refusal.detail())
                .contains("type: must be one of GREEN_FACTORY, GREEN_PARK, GREEN_PRODUCT, GREEN_SUPPLY_CHAIN;")
                .contains("level: must be one of MUNICIPAL, NATIONAL, PROVINCIAL (or absent: all)")
                .contains("note: must not contain control characters");
        var missing = Refusal.of(() -> rules.check(new TargetRequest(null, null, null, null, null, null, null)));
        assertThat(missing.fields()).containsExactly("regionCode", "type", "year", "cumulativeTarget", "sourceDocument");
        assertThat(Refusal.of(() -> rules.check(null)).detail()).isEqualTo("a target is required");
    }

    @Test
    void theRegionIsOneTheRegistryKnows() {
        assertThat(Refusal.of(() -> rules.check(new TargetRequest("640099", "GREEN_FACTORY", null, 2023, 5, PLAN, null)))
                .detail()).isEqualTo("regionCode: '640099' is not a known GB/T 2260 region code");
        assertThat(rules.check(new TargetRequest("140200", "GREEN_FACTORY", null, 2025, 12, PLAN, null)).regionName())
                .isEqualTo("大同市");
    }

    @Test
    void beforeTheRegionTableArrivesATargetCannotBeCheckedAndIs503() {
        var refusal = Refusal.of(() -> new TargetRules(names(false)).check(factories(2023, 100)));
        assertThat(refusal.status()).isEqualTo(503);
        assertThat(refusal.type()).isEqualTo("reference-unavailable");
    }

    @Test
    void theTargetIsOneToAMillionAndTheYear1990To2100() {
        assertThat(rules.check(factories(1990, 1)).year()).isEqualTo(1990);
        assertThat(rules.check(factories(2100, 1_000_000)).cumulativeTarget()).isEqualTo(1_000_000);
        assertThat(Refusal.of(() -> rules.check(factories(2101, 1_000_001))).fields())
                .containsExactly("year", "cumulativeTarget");
    }

    @Test
    void textsAreCountedInCharactersNotUtf16Units() {
        String source = "𠀀".repeat(200); // 200 characters, 400 UTF-16 units
        assertThat(rules.check(new TargetRequest("640000", "GREEN_FACTORY", null, 2023, 100, source, null)).sourceDocument())
                .isEqualTo(source);
        assertThat(Refusal.of(() -> rules.check(new TargetRequest("640000", "GREEN_FACTORY", null, 2023, 100,
                source + "文", null))).detail()).isEqualTo("sourceDocument: must be at most 200 characters");
        assertThat(Refusal.of(() -> rules.check(new TargetRequest("640000", "GREEN_FACTORY", null, 2023, 100,
                "方案\n第二行", null))).detail()).as("a source is one line")
                .isEqualTo("sourceDocument: must not contain control characters");
    }
}
