package io.greenportal.registry.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.greenportal.platform.creditcode.DivisionCodes;

/**
 * The shipped GB/T 2260 regions and GB/T 4754-2017 industries, and how a region code nests: two
 * digits of province, two of city (地级), two of county.
 */
@Tag("unit")
class ReferenceTablesTest {

    final Regions regions = new Regions();
    final Industries industries = new Industries();

    @Test
    void theSeedsRegionsAreKnownByName() {
        assertThat(regions.name("640000")).contains("宁夏回族自治区");
        assertThat(regions.name("640100")).contains("银川市");
        assertThat(regions.name("640104")).contains("兴庆区");
        assertThat(regions.name("140200")).contains("大同市");
        assertThat(regions.name("140223")).contains("广灵县");
        assertThat(regions.isKnown("640099")).isFalse();
        assertThat(regions.isKnown(null)).isFalse();
        assertThat(regions.isKnown(" 640100")).as("codes are looked up as given").isFalse();
    }

    @Test
    void everyCountyAndCityLiesInACityAndProvinceOfTheTable() {
        assertThat(regions.all()).hasSizeGreaterThan(100);
        regions.all().keySet().forEach(code -> {
            assertThat(code).matches("[1-9][0-9]{5}");
            assertThat(regions.isKnown(DivisionCodes.provinceOf(code))).as("province of %s", code).isTrue();
            if (!code.endsWith("0000")) {
                assertThat(regions.isKnown(DivisionCodes.cityOf(code))).as("city of %s", code).isTrue();
            }
        });
    }

    @Test
    void industriesAreDivisionsOfTheNineteenSections() {
        assertThat(industries.name("C30")).contains("非金属矿物制品业");
        assertThat(industries.name("C27")).contains("医药制造业");
        assertThat(industries.name("D44")).contains("电力、热力生产和供应业");
        assertThat(industries.name("C17")).contains("纺织业");
        assertThat(industries.all().keySet()).allMatch(code -> code.matches("[A-T][0-9]{2}"));
        assertThat(industries.all()).hasSize(97);
        assertThat(industries.isKnown("c30")).as("codes are upper case").isFalse();
        assertThat(industries.isKnown("C")).as("a section is not a division").isFalse();
        assertThat(industries.isKnown("C99")).isFalse();
        assertThat(industries.isKnown(null)).isFalse();
    }
}
