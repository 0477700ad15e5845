package io.greenportal.incentive.support;

import io.greenportal.platform.test.Tokens;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

/** Program definitions as an administrator sends them, each with a fresh code. */
public final class Programs {

    private Programs() {
    }

    public static final OffsetDateTime OPENED = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
    public static final OffsetDateTime CLOSES = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusYears(1);

    public static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** An award program for provincial listings of 2025 and 2026 in Ningxia. */
    public static Map<String, Object> award(String budget) {
        Map<String, Object> body = base("AWARD", "2025—2026年度省级绿色制造示范单位奖励", budget);
        body.put("eligibility", Map.of("levels", List.of("PROVINCIAL"), "years", List.of(2025, 2026),
                "regions", List.of("640000")));
        body.put("amountRule", Map.of("awards", List.of(
                Map.of("type", "GREEN_FACTORY", "level", "PROVINCIAL", "amount", "500000.00"),
                Map.of("type", "GREEN_PRODUCT", "level", "PROVINCIAL", "amount", "100000.00"))));
        return body;
    }

    /** 省级绿色制造推广技改资金: 10 % of the total investment, at most 2,500 万元. */
    public static Map<String, Object> retrofit(String budget) {
        Map<String, Object> body = base("RETROFIT", "省级绿色制造推广技改资金", budget);
        body.put("eligibility", Map.of("regions", List.of("640000")));
        body.put("amountRule", Map.of("share", "0.10", "cap", "25000000.00"));
        return body;
    }

    public static Map<String, Object> diagnostics(String budget) {
        Map<String, Object> body = base("DIAGNOSTICS", "工业节能诊断服务补助", budget);
        body.put("eligibility", Map.of("types", List.of("GREEN_FACTORY")));
        body.put("amountRule", Map.of("amount", "50000.00"));
        return body;
    }

    private static Map<String, Object> base(String kind, String name, String budget) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code(kind.substring(0, 3)));
        body.put("name", name);
        body.put("kind", kind);
        body.put("opensAt", OPENED.toString());
        body.put("closesAt", CLOSES.toString());
        body.put("budget", budget);
        return body;
    }

    public static JsonNode create(Api api, Map<String, Object> body) {
        return Api.json(api.post(Tokens.user("admin"), "/programs", body), HttpStatus.CREATED);
    }
}
