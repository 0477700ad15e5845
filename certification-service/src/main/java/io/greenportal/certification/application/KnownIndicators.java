package io.greenportal.certification.application;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The indicators the provincial documents use, with their canonical names and units (the same table
 * as the registry's, so an approved application never fails there). Others are allowed with a unit.
 */
final class KnownIndicators {

    record Definition(String name, String unit, BigDecimal min, BigDecimal max) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static final Map<String, Definition> ALL = Map.of(
            "ENERGY_PER_VALUE_ADDED", new Definition("单位工业增加值能耗", "tce/万元", BigDecimal.ZERO, null),
            "WATER_PER_VALUE_ADDED", new Definition("单位工业增加值用水量", "m³/万元", BigDecimal.ZERO, null),
            "SOLID_WASTE_UTILISATION", new Definition("一般工业固体废物综合利用率", "%", BigDecimal.ZERO, HUNDRED),
            "WATER_REUSE_RATE", new Definition("工业用水重复利用率", "%", BigDecimal.ZERO, HUNDRED),
            "CO2_PER_VALUE_ADDED", new Definition("单位工业增加值二氧化碳排放量", "tCO₂/万元", BigDecimal.ZERO, null),
            "DATA_CENTRE_PUE", new Definition("数据中心电能利用效率 (PUE)", "ratio", BigDecimal.ONE, null));

    private KnownIndicators() {
    }
}
