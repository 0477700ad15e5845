package io.greenportal.registry.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.greenportal.registry.enterprise.Uscc;

/** Fresh, valid test data, so tests never depend on each other's rows. */
public final class TestData {

    private TestData() {
    }

    /** A new valid credit code of an enterprise registered in the given region. */
    public static String uscc(String region) {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        return Uscc.withCheckCharacter("91" + region + "T" + n);
    }

    /** A REST/JSON body for a provincial green factory in Yinchuan's Jinfeng district. */
    public static Map<String, Object> factory(String uscc, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "GREEN_FACTORY");
        body.put("level", "PROVINCIAL");
        body.put("enterprise", Map.of("uscc", uscc, "name", name, "regionCode", "640106", "industryCode", "C30"));
        body.put("subject", Map.of("siteName", name + "生产基地", "evaluationStandard", "GB/T 36132-2018"));
        body.put("year", 2024);
        body.put("batch", "2024年度第1批");
        body.put("indicators", List.of(
                Map.of("code", "ENERGY_PER_VALUE_ADDED", "value", "0.352", "unit", "tce/万元"),
                Map.of("code", "WATER_REUSE_RATE", "value", "92.5", "unit", "%")));
        return body;
    }
}
