package io.greenportal.publicity;

import java.util.Map;

/** The Chinese names the public reads for the registry's codes. */
public final class Vocabulary {

    public static final Map<String, String> TYPES = Map.of(
            "GREEN_FACTORY", "绿色工厂",
            "GREEN_PARK", "绿色园区",
            "GREEN_PRODUCT", "绿色设计产品",
            "GREEN_SUPPLY_CHAIN", "绿色供应链管理企业");
    public static final Map<String, String> LEVELS = Map.of(
            "NATIONAL", "国家级",
            "PROVINCIAL", "省级",
            "MUNICIPAL", "市级");
    public static final Map<String, String> STATUSES = Map.of(
            "ACTIVE", "有效",
            "SUSPENDED", "限期整改",
            "REVOKED", "已撤销");

    private Vocabulary() {
    }

    public static String type(String code) {
        return code == null ? null : TYPES.getOrDefault(code, code);
    }

    public static String level(String code) {
        return code == null ? null : LEVELS.getOrDefault(code, code);
    }

    public static String status(String code) {
        return code == null ? null : STATUSES.getOrDefault(code, code);
    }
}
