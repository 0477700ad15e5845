package io.greenportal.publicity.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.platform.test.Tokens;
import io.greenportal.publicity.reference.ReferenceNames;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan targets: the seeded ones with progress that agrees with the statistics, progress that
 * follows the registry (a new listing raises it, a suspension keeps it, a revocation
 * lowers it; how soon is the benchmark's to measure), maintenance by administrators only, validation and conflicts.
 */
@IntegrationTest
class TargetTest {

    static final String TARGETS = "/api/v1/public/targets";
    static final Duration WITHIN = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient rest;

    @Autowired
    ReferenceNames names;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        Await.until(Duration.ofSeconds(60), "the index follows the registry",
                () -> api.get("/api/v1/public/listings?size=1").path("total").asLong() > 0);
        Await.until(Duration.ofSeconds(30), "region names loaded from the registry", names::loaded);
    }

    @Test
    void theSeededTargetsCarryProgressAsTheStatisticsCountIt() {
        Map<String, Integer> seeded = new LinkedHashMap<>();
        seeded.put("GREEN_FACTORY 2021", 70);
        seeded.put("GREEN_FACTORY 2022", 80);
        seeded.put("GREEN_FACTORY 2023", 100);
        seeded.put("GREEN_PARK 2021", 10);
        seeded.put("GREEN_PARK 2022", 11);
        seeded.put("GREEN_PARK 2023", 12);
        seeded.put("GREEN_PRODUCT 2021", 15);
        seeded.put("GREEN_PRODUCT 2023", 25);

        // the registry is shared: retry until no listing arrived between the two reads
        Await.until(Duration.ofSeconds(10), "progress of every seeded target equals the statistics", () -> {
            JsonNode answer = api.get(TARGETS + "?region=640000");
            List<JsonNode> province = new ArrayList<>();
            answer.path("targets").forEach(t -> {
                assertThat(t.path("regionCode").asString()).as("under 640000").startsWith("64");
                if ("640000".equals(t.path("regionCode").asString())) {
                    province.add(t);
                }
            });
            Map<String, Integer> found = new LinkedHashMap<>();
            province.forEach(t -> found.put(t.path("type").asString() + " " + t.path("year").asInt(),
                    t.path("cumulativeTarget").asInt()));
            assertThat(found).isEqualTo(seeded);
            assertThat(answer.path("statuses").toString()).isEqualTo("[\"ACTIVE\",\"SUSPENDED\"]");
            assertThat(answer.path("progressAvailable").asBoolean()).isTrue();
            boolean agree = true;
            for (JsonNode t : province) {
                assertThat(t.path("regionName").asString()).isEqualTo("宁夏回族自治区");
                assertThat(t.path("sourceDocument").asString()).isEqualTo("推动工业绿色改造三年行动计划（2021-2023年）");
                assertThat(t.has("level")).as("seeded targets count every level").isFalse();
                assertProgressFields(t);
                long expected = counted("640000", t.path("type").asString(), null, t.path("year").asInt());
                agree &= t.path("progress").asLong() == expected;
            }
            return agree;
        });

        JsonNode datong = api.get(TARGETS + "?region=140200&type=green_factory").path("targets");
        assertThat(datong).hasSize(1);
        JsonNode target = datong.get(0);
        assertThat(target.path("regionName").asString()).isEqualTo("大同市");
        assertThat(target.path("typeName").asString()).isEqualTo("绿色工厂");
        assertThat(target.path("year").asInt()).isEqualTo(2025);
        assertThat(target.path("cumulativeTarget").asInt()).isEqualTo(80);
        assertThat(target.path("sourceDocument").asString()).isEqualTo("大同市推进工业绿色发展行动计划（2022-2025年）");
        assertThat(target.path("note").asString()).contains("80家以上");
        Await.until(Duration.ofSeconds(10), "Datong's progress equals the statistics", () -> api.get(TARGETS + "/{id}",
                target.path("id").asLong()).path("progress").asLong() == counted("140200", "GREEN_FACTORY", null, 2025));

        JsonNode parks = api.get(TARGETS + "?region=640000&type=GREEN_PARK").path("targets");
        assertThat(parks).hasSize(3);
        parks.forEach(t -> assertThat(t.path("type").asString()).isEqualTo("GREEN_PARK"));
        assertThat(api.get(TARGETS + "?region=640100&type=GREEN_PARK").path("targets")).as("a city holds no province targets")
                .isEmpty();
        assertThat(api.get(TARGETS).path("targets").size()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void progressFollowsTheRegistry() {
        String county = "640424";
        long id = created(admin(body(county, "GREEN_SUPPLY_CHAIN", "MUNICIPAL", 2016, 50, "泾源县绿色供应链培育计划（测试）", null),
                null)).path("id").asLong();
        long before = api.get(TARGETS + "/{id}", id).path("progress").asLong();
        assertThat(before).isEqualTo(counted(county, "GREEN_SUPPLY_CHAIN", "MUNICIPAL", 2016));

        // one listing short of the target
        JsonNode replaced = Api.parse(send(rest.put(), TARGETS + "/" + id, Tokens.user("admin"), null,
                body(county, "GREEN_SUPPLY_CHAIN", "MUNICIPAL", 2016, (int) before + 1, "泾源县绿色供应链培育计划（测试）", null))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(replaced.path("reached").asBoolean()).isFalse();
        assertThat(replaced.path("remaining").asLong()).isEqualTo(1);

        String mark = Registry.uniqueHan(5);
        // these do not count: a later year, another level, another type
        Registry.supplyChain("宁夏" + mark + "晚年度供应链有限公司", county, Level.MUNICIPAL, 2017);
        Registry.supplyChain("宁夏" + mark + "省级供应链有限公司", county, Level.PROVINCIAL, 2016);
        Registry.factory("宁夏" + mark + "工厂有限公司", county, 2016);
        Listing counted = Registry.supplyChain("宁夏" + mark + "供应链管理有限公司", county, Level.MUNICIPAL, 2016);

        Await.until(WITHIN, "a new listing counts", () -> api.get(TARGETS + "/{id}", id).path("progress").asLong() > before);
        JsonNode reached = api.get(TARGETS + "/{id}", id);
        assertThat(reached.path("progress").asLong()).as("only the matching listing counts").isEqualTo(before + 1);
        assertThat(reached.path("reached").asBoolean()).isTrue();
        assertThat(reached.path("remaining").asLong()).isZero();
        assertThat(reached.path("percent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(progressInList(county, id)).isEqualTo(before + 1);

        Registry.suspend(counted.getId(), "能源管理体系运行记录缺失，限期整改");
        Await.until(WITHIN, "suspension visible", () -> "SUSPENDED".equals(
                api.get("/api/v1/public/listings/{id}", counted.getId()).path("status").asString()));
        assertThat(api.get(TARGETS + "/{id}", id).path("progress").asLong()).as("a suspended listing keeps its title")
                .isEqualTo(before + 1);

        Registry.revoke(counted.getId(), "整改期满仍未达到评价要求，撤销称号");
        Await.until(WITHIN, "a revocation stops counting", () -> api.get(TARGETS + "/{id}", id).path("progress").asLong() == before);
        assertThat(api.get(TARGETS + "/{id}", id).path("reached").asBoolean()).isFalse();
        assertThat(progressInList(county, id)).isEqualTo(before);
    }

    @Test
    void administratorsAddChangeAndRemoveTargets() {
        String county = "140221";
        assertThat(api.get(TARGETS + "?region={r}", county).path("targets")).isEmpty();
        String key = UUID.randomUUID().toString();
        Map<String, Object> target = body(county, "GREEN_FACTORY", null, 2025, 5, "阳高县工业绿色发展规划（测试）", "到2025年累计5家");

        var first = send(rest.post(), TARGETS, Tokens.user("admin"), key, target).expectStatus().isCreated()
                .expectBody(String.class).returnResult();
        JsonNode created = Api.parse(first.getResponseBody());
        long id = created.path("id").asLong();
        assertThat(first.getResponseHeaders().getLocation().toString()).endsWith(TARGETS + "/" + id);
        assertThat(created.path("regionName").asString()).isEqualTo("阳高县");
        assertThat(created.path("typeName").asString()).isEqualTo("绿色工厂");
        assertThat(created.has("level")).isFalse();
        assertThat(created.path("note").asString()).isEqualTo("到2025年累计5家");
        assertProgressFields(created);

        // a retry answers the first one and creates nothing
        var retry = send(rest.post(), TARGETS, Tokens.user("admin"), key, target).expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(Api.parse(retry.getResponseBody()).path("id").asLong()).isEqualTo(id);
        assertThat(Api.parse(retry.getResponseBody()).path("cumulativeTarget").asInt()).isEqualTo(5);
        assertThat(retry.getResponseHeaders().getLocation().toString()).endsWith(TARGETS + "/" + id);
        // the same key with another request is refused rather than answered with the first target
        target.put("cumulativeTarget", 6);
        JsonNode reused = problem(send(rest.post(), TARGETS, Tokens.user("admin"), key, target), 422, "Idempotency-Key",
                "the key again with another target");
        assertThat(reused.path("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(api.get(TARGETS + "/{id}", id).path("cumulativeTarget").asInt()).isEqualTo(5);
        // the earlier (cached) empty answer is gone: a target change invalidates the cache
        JsonNode listed = api.get(TARGETS + "?region={r}", county).path("targets");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(api.get(TARGETS + "?region=140200").path("targets").size()).as("a city includes its counties")
                .isEqualTo(2);

        // the same region, type, level and year once more
        JsonNode duplicate = Api.parse(send(rest.post(), TARGETS, Tokens.user("admin"), UUID.randomUUID().toString(), target)
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody());
        assertThat(duplicate.path("type").asString()).endsWith("/duplicate-target");
        assertThat(duplicate.path("field").asString()).isEqualTo("regionCode");
        assertThat(duplicate.path("existingId").asLong()).isEqualTo(id);
        send(rest.post(), TARGETS, Tokens.user("admin"), null, target).expectStatus().isEqualTo(409);
        // another level is another target
        JsonNode municipal = created(admin(body(county, "GREEN_FACTORY", "municipal", 2025, 2, "阳高县市级绿色工厂计划（测试）",
                null), null));
        assertThat(municipal.path("level").asString()).isEqualTo("MUNICIPAL");
        assertThat(municipal.path("levelName").asString()).isEqualTo("市级");

        api.get(TARGETS + "/{id}", id);
        JsonNode changed = Api.parse(send(rest.put(), TARGETS + "/" + id, Tokens.user("admin"), null,
                body(county, "GREEN_FACTORY", null, 2026, 8, "阳高县工业绿色发展规划（修订）", null))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(changed.path("year").asInt()).isEqualTo(2026);
        assertThat(changed.path("cumulativeTarget").asInt()).isEqualTo(8);
        assertThat(changed.has("note")).isFalse();
        JsonNode read = api.get(TARGETS + "/{id}", id);
        assertThat(read.path("year").asInt()).as("the cached answer went with the change").isEqualTo(2026);
        assertThat(read.path("sourceDocument").asString()).isEqualTo("阳高县工业绿色发展规划（修订）");

        // changing it into the other one's identity is a conflict and changes nothing
        send(rest.put(), TARGETS + "/" + municipal.path("id").asLong(), Tokens.user("admin"), null,
                body(county, "GREEN_FACTORY", null, 2026, 3, "冲突", null)).expectStatus().isEqualTo(409);
        assertThat(api.get(TARGETS + "/{id}", municipal.path("id").asLong()).path("level").asString()).isEqualTo("MUNICIPAL");

        delete(TARGETS + "/" + id, Tokens.user("admin")).expectStatus().isNoContent();
        rest.get().uri(TARGETS + "/{id}", id).exchange().expectStatus().isNotFound();
        delete(TARGETS + "/" + id, Tokens.user("admin")).expectStatus().isNotFound();
        send(rest.put(), TARGETS + "/" + id, Tokens.user("admin"), null, target).expectStatus().isNotFound();
        send(rest.put(), TARGETS + "/987654321", Tokens.user("admin"), null, target).expectStatus().isNotFound();
        assertThat(api.get(TARGETS + "?region={r}", county).path("targets")).hasSize(1);
        delete(TARGETS + "/" + municipal.path("id").asLong(), Tokens.user("admin"))
                .expectStatus().isNoContent();
        assertThat(api.get(TARGETS + "?region={r}", county).path("targets")).isEmpty();
    }

    @Test
    void onlyAdministratorsWriteTargets() {
        long seeded = api.get(TARGETS + "?region=140200").path("targets").get(0).path("id").asLong();
        Map<String, Object> valid = body("140222", "GREEN_PARK", null, 2025, 1, "天镇县（测试）", null);
        Map<String, Object> invalid = body("x", "NOPE", null, 1, 0, "", null);
        int before = api.get(TARGETS).path("targets").size();
        for (Map<String, Object> target : List.of(valid, invalid)) {
            send(rest.post(), TARGETS, null, null, target).expectStatus().isUnauthorized();
            send(rest.post(), TARGETS, Tokens.foreignRealm(), null, target).expectStatus().isUnauthorized();
            send(rest.put(), TARGETS + "/" + seeded, null, null, target).expectStatus().isUnauthorized();
            for (String token : List.of(Tokens.user("ent-a"), Tokens.user("rev-prov"), Tokens.user("rev-city"),
                    Tokens.user("expert1"), Tokens.client("bank-a"), Tokens.client("publicity-service"))) {
                var refused = send(rest.post(), TARGETS, token, UUID.randomUUID().toString(), target)
                        .expectStatus().isForbidden().expectBody(String.class).returnResult();
                assertThat(Api.parse(refused.getResponseBody()).path("type").asString()).endsWith("/forbidden");
                send(rest.put(), TARGETS + "/" + seeded, token, null, target).expectStatus().isForbidden();
            }
        }
        rest.delete().uri(TARGETS + "/{id}", seeded).exchange().expectStatus().isUnauthorized();
        delete(TARGETS + "/" + seeded, Tokens.user("ent-b")).expectStatus().isForbidden();
        delete(TARGETS + "/" + seeded, Tokens.client("bank-b")).expectStatus().isForbidden();
        // an invalid token is refused on the public reads too
        rest.get().uri(TARGETS).header("Authorization", "Bearer " + Tokens.foreignRealm()).exchange().expectStatus()
                .isUnauthorized();

        assertThat(api.get(TARGETS).path("targets").size()).as("nothing was written").isEqualTo(before);
        assertThat(api.get(TARGETS + "/{id}", seeded).path("cumulativeTarget").asInt()).isEqualTo(80);
    }

    @Test
    void badTargetsAreRefusedNamingTheField() {
        int before = api.get(TARGETS).path("targets").size();
        Object[][] cases = {
                {"regionCode", null}, {"regionCode", ""}, {"regionCode", "64"}, {"regionCode", "6400001"},
                {"regionCode", "abcdef"}, {"regionCode", "000000"}, {"regionCode", "659999"},
                {"type", null}, {"type", "FACTORY"}, {"type", "绿色工厂"},
                {"level", "county"}, {"level", "NATIONAL,PROVINCIAL"},
                {"year", null}, {"year", 1800}, {"year", 2101}, {"year", -2024},
                {"cumulativeTarget", null}, {"cumulativeTarget", 0}, {"cumulativeTarget", -5},
                {"cumulativeTarget", 1_000_001},
                {"sourceDocument", null}, {"sourceDocument", "   "}, {"sourceDocument", "文".repeat(201)},
                {"sourceDocument", "行动计划\u0000"}, {"note", "注".repeat(1001)}, {"note", "bell\u0007"}};
        for (Object[] c : cases) {
            Map<String, Object> target = body("640100", "GREEN_FACTORY", null, 2030, 10, "银川市计划（测试）", null);
            target.put((String) c[0], c[1]);
            problem(send(rest.post(), TARGETS, Tokens.user("admin"), UUID.randomUUID().toString(), target), 400,
                    (String) c[0], c[0] + "=" + c[1]);
        }
        // wrong JSON types name the field too
        for (String[] c : new String[][] {{"{\"cumulativeTarget\": 2.5}", "cumulativeTarget"},
                {"{\"year\": \"二〇二五\"}", "year"}, {"{\"cumulativeTarget\": 99999999999}", "cumulativeTarget"},
                {"{\"regionCode\": [\"640000\"]}", "regionCode"}}) {
            var result = rest.post().uri(TARGETS).header("Authorization", "Bearer " + Tokens.user("admin"))
                    .contentType(MediaType.APPLICATION_JSON).body(c[0]).exchange().expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as(c[0]).isEqualTo(400);
            assertThat(Api.parse(result.getResponseBody()).path("field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        // several wrong fields: all named
        JsonNode several = problem(send(rest.post(), TARGETS, Tokens.user("admin"), null,
                body("12", "X", null, 3000, 0, null, null)), 400, "regionCode", "several");
        List<String> fields = new ArrayList<>();
        several.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("regionCode", "type", "year", "cumulativeTarget", "sourceDocument");

        Map<String, Object> valid = body("640100", "GREEN_FACTORY", null, 2030, 10, "银川市计划（测试）", null);
        problem(send(rest.post(), TARGETS, Tokens.user("admin"), "has spaces", valid), 400, "Idempotency-Key", "key");
        problem(send(rest.post(), TARGETS, Tokens.user("admin"), "k".repeat(129), valid), 400, "Idempotency-Key", "key");
        problem(send(rest.put(), TARGETS + "/abc", Tokens.user("admin"), null, valid), 400, "id", "id");
        problem(send(rest.put(), TARGETS + "/-1", Tokens.user("admin"), null, valid), 400, "id", "id");
        problem(delete(TARGETS + "/1.5", Tokens.user("admin")), 400, "id", "id");
        for (String raw : List.of("not json", "[]", "{\"regionCode\":", "")) {
            var result = rest.post().uri(TARGETS).header("Authorization", "Bearer " + Tokens.user("admin"))
                    .contentType(MediaType.APPLICATION_JSON).body(raw).exchange().expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as(raw).isEqualTo(400);
        }
        rest.post().uri(TARGETS).header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.TEXT_PLAIN).body("640000").exchange().expectStatus().isEqualTo(415);

        // reads
        problem(rest.get().uri(TARGETS + "?region=64").exchange(), 400, "region", "region");
        problem(rest.get().uri(TARGETS + "?type=PARK").exchange(), 400, "type", "type");
        problem(rest.get().uri(TARGETS + "/0").exchange(), 400, "id", "id");
        problem(rest.get().uri(TARGETS + "/99999999999999999999").exchange(), 400, "id", "id");
        rest.get().uri(TARGETS + "/{id}", 987654321).exchange().expectStatus().isNotFound();
        assertThat(api.get(TARGETS + "?region=659900").path("targets")).as("well-formed but unknown: empty").isEmpty();

        assertThat(api.get(TARGETS).path("targets").size()).as("nothing was written").isEqualTo(before);
    }

    /** Progress, percent, remaining and reached agree with each other and with the target. */
    private static void assertProgressFields(JsonNode t) {
        long progress = t.path("progress").asLong(-1);
        int target = t.path("cumulativeTarget").asInt();
        assertThat(progress).as("progress of %s", t).isGreaterThanOrEqualTo(0);
        assertThat(t.path("percent").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(progress * 100)
                .divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP));
        assertThat(t.path("remaining").asLong()).isEqualTo(Math.max(0, target - progress));
        assertThat(t.path("reached").asBoolean()).isEqualTo(progress >= target);
    }

    /** What the statistics count for the same filters: active and suspended listings with year ≤ the target year. */
    private long counted(String region, String type, String level, int year) {
        JsonNode statistics = api.get("/api/v1/public/statistics?region={r}&type={t}&level={l}", region, type,
                level == null ? "" : level);
        long n = 0;
        for (JsonNode bucket : statistics.path("byYear")) {
            if (Integer.parseInt(bucket.path("value").asString()) <= year) {
                n += bucket.path("count").asLong();
            }
        }
        return n;
    }

    private long progressInList(String region, long id) {
        for (JsonNode t : api.get(TARGETS + "?region={r}", region).path("targets")) {
            if (t.path("id").asLong() == id) {
                return t.path("progress").asLong();
            }
        }
        throw new AssertionError("target " + id + " not listed under " + region);
    }

    static Map<String, Object> body(String region, String type, String level, int year, int target, String source,
            String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("type", type);
        body.put("level", level);
        body.put("year", year);
        body.put("cumulativeTarget", target);
        body.put("sourceDocument", source);
        body.put("note", note);
        return body;
    }

    private RestTestClient.ResponseSpec admin(Map<String, Object> body, String key) {
        return send(rest.post(), TARGETS, Tokens.user("admin"), key, body);
    }

    private static JsonNode created(RestTestClient.ResponseSpec response) {
        return Api.parse(response.expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
    }

    private static RestTestClient.ResponseSpec send(RestTestClient.RequestBodyUriSpec spec, String path, String token,
            String idempotencyKey, Map<String, Object> body) {
        var request = spec.uri(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        }
        return request.exchange();
    }

    private RestTestClient.ResponseSpec delete(String path, String token) {
        var request = rest.delete().uri(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    private static JsonNode problem(RestTestClient.ResponseSpec response, int status, String field, String what) {
        var result = response.expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as("%s: %s", what, result.getResponseBody()).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(what).isTrue();
        JsonNode problem = Api.parse(result.getResponseBody());
        assertThat(problem.path("field").asString()).as("%s: %s", what, result.getResponseBody()).isEqualTo(field);
        return problem;
    }
}
