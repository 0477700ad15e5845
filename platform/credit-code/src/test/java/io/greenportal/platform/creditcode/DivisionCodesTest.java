package io.greenportal.platform.creditcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DivisionCodesTest {

    @Test
    void aCountyBelongsToItsCityAndProvince() {
        assertThat(DivisionCodes.cityOf("640104")).isEqualTo("640100");
        assertThat(DivisionCodes.cityOf("640205")).isEqualTo("640200");
        assertThat(DivisionCodes.cityOf("140271")).isEqualTo("140200");
        assertThat(DivisionCodes.provinceOf("640104")).isEqualTo("640000");
        assertThat(DivisionCodes.provinceOf("640000")).isEqualTo("640000");
    }

    @Test
    void aCityOrProvinceIsItsOwnCity() {
        assertThat(DivisionCodes.cityOf("640100")).isEqualTo("640100");
        assertThat(DivisionCodes.cityOf("640000")).as("a province has no city").isEqualTo("640000");
    }

    @Test
    void anAreaCoversTheCodesUnderIt() {
        assertThat(DivisionCodes.prefixOf("640000")).isEqualTo("64");
        assertThat(DivisionCodes.prefixOf("640100")).isEqualTo("6401");
        assertThat(DivisionCodes.prefixOf("640104")).isEqualTo("640104");
        assertThat(DivisionCodes.within("640104", "640100")).isTrue();
        assertThat(DivisionCodes.within("640104", "640000")).isTrue();
        assertThat(DivisionCodes.within("640205", "640100")).isFalse();
        assertThat(DivisionCodes.within("140223", "640000")).isFalse();
        assertThat(DivisionCodes.within(null, "640000")).isFalse();
    }
}
