package io.greenportal.registry.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.greenportal.contracts.registry.v1.KnownIndicators;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The indicators the provincial documents use (PRODUCT.md), with their names, units and ranges: the
 * contract's table (registry.proto, KnownIndicator), which the registry's listing rules and
 * certification's application rules both read.
 */
@Tag("unit")
class KnownIndicatorsTest {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Test
    void theSixIndicatorsOfTheSeedsWithTheirUnitsAndRanges() {
        assertThat(KnownIndicators.ALL).containsOnlyKeys("ENERGY_PER_VALUE_ADDED", "WATER_PER_VALUE_ADDED",
                "SOLID_WASTE_UTILISATION", "WATER_REUSE_RATE", "CO2_PER_VALUE_ADDED", "DATA_CENTRE_PUE");
        assertThat(KnownIndicators.ALL.get("ENERGY_PER_VALUE_ADDED"))
                .isEqualTo(new KnownIndicators.Definition("单位工业增加值能耗", "tce/万元", BigDecimal.ZERO, null));
        assertThat(KnownIndicators.ALL.get("WATER_PER_VALUE_ADDED"))
                .isEqualTo(new KnownIndicators.Definition("单位工业增加值用水量", "m³/万元", BigDecimal.ZERO, null));
        assertThat(KnownIndicators.ALL.get("SOLID_WASTE_UTILISATION"))
                .isEqualTo(new KnownIndicators.Definition("一般工业固体废物综合利用率", "%", BigDecimal.ZERO, HUNDRED));
        assertThat(KnownIndicators.ALL.get("WATER_REUSE_RATE"))
                .isEqualTo(new KnownIndicators.Definition("工业用水重复利用率", "%", BigDecimal.ZERO, HUNDRED));
        assertThat(KnownIndicators.ALL.get("CO2_PER_VALUE_ADDED"))
                .isEqualTo(new KnownIndicators.Definition("单位工业增加值二氧化碳排放量", "tCO₂/万元", BigDecimal.ZERO, null));
        assertThat(KnownIndicators.ALL.get("DATA_CENTRE_PUE"))
                .isEqualTo(new KnownIndicators.Definition("数据中心电能利用效率 (PUE)", "ratio", BigDecimal.ONE, null));
    }
}
