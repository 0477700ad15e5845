package io.greenportal.incentive.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.incentive.support.Api;
import io.greenportal.incentive.support.IntegrationTest;
import io.greenportal.incentive.support.Programs;
import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class ProgramApiTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    long programCount() {
        return jdbc.sql("select count(*) from program").query(Long.class).single();
    }

    @Test
    void anAdministratorDefinesAProgramThatEnterprisesAndReviewersRead() {
        JsonNode program = Programs.create(api, Programs.award("30000000.00"));

        assertThat(program.get("kind").asString()).isEqualTo("AWARD");
        assertThat(program.get("budget").decimalValue()).isEqualByComparingTo("30000000.00");
        assertThat(program.get("committed").decimalValue()).isEqualByComparingTo("0");
        assertThat(program.get("remaining").decimalValue()).isEqualByComparingTo("30000000.00");
        assertThat(program.get("amountRule").get("awards").get(0).get("amount").decimalValue())
                .isEqualByComparingTo("500000.00");
        assertThat(program.get("eligibility").get("regions").get(0).asString()).isEqualTo("640000");
        assertThat(program.get("opensAt").asString()).endsWith("+08:00");

        String id = program.get("id").asString();
        for (String user : List.of("ent-a", "rev-city", "rev-prov", "admin")) {
            JsonNode read = Api.json(api.get(Tokens.user(user), "/programs/" + id), HttpStatus.OK);
            assertThat(read.get("code").asString()).isEqualTo(program.get("code").asString());
        }
        JsonNode open = Api.json(api.get(Tokens.user("ent-a"), "/programs?open=true&kind=AWARD"), HttpStatus.OK);
        assertThat(open.valueStream().map(p -> p.get("id").asString())).contains(id);
    }

    @Test
    void theSameIdempotencyKeyCreatesOneProgramAndADuplicateCodeIsAConflict() {
        Map<String, Object> body = Programs.retrofit("51260000.00");
        String key = UUID.randomUUID().toString();
        JsonNode first = Api.json(api.post(Tokens.user("admin"), "/programs", body, key), HttpStatus.CREATED);
        JsonNode retry = Api.json(api.post(Tokens.user("admin"), "/programs", body, key), HttpStatus.OK);
        assertThat(retry.get("id").asString()).isEqualTo(first.get("id").asString());
        // the same key with another budget is another request, not a retry
        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put("budget", "99000000.00");
        assertThat(Api.json(api.post(Tokens.user("admin"), "/programs", changed, key), HttpStatus.UNPROCESSABLE_CONTENT)
                .get("type").asString()).endsWith("/idempotency-key-reused");

        JsonNode duplicate = Api.json(api.post(Tokens.user("admin"), "/programs", body), HttpStatus.CONFLICT);
        assertThat(duplicate.get("type").asString()).endsWith("/duplicate-program-code");
        assertThat(duplicate.get("field").asString()).isEqualTo("code");
    }

    @Test
    void retriesSentAtTheSameMomentUnderOneKeyAreOneProgram() throws Exception {
        Map<String, Object> body = Programs.retrofit("12000000.00");
        String key = UUID.randomUUID().toString();
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<org.springframework.test.web.servlet.client.EntityExchangeResult<String>>> sent =
                new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return api.post(Tokens.user("admin"), "/programs", body, key).expectBody(String.class).returnResult();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : sent) {
                var result = answer.get();
                statuses.add(result.getStatus().value());
                ids.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(result.getResponseBody())
                        .path("id").asString());
            }
            assertThat(statuses).as("never the 409 of another program's code").containsOnly(200, 201);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(ids).hasSize(1);
        }
    }

    @Test
    void refusesBadProgramsNamingEveryFieldAndWritesNothing() {
        long before = programCount();
        Map<String, Object> body = new HashMap<>(Programs.retrofit("-5"));
        body.put("code", "lower case");
        body.put("eligibility", Map.of("types", List.of("GREEN_HOUSE"), "levels", List.of("COUNTY"),
                "years", List.of(1999), "regions", List.of("999999")));
        body.put("amountRule", Map.of("share", "1.5", "cap", "0", "amount", "100"));
        body.put("closesAt", Programs.OPENED.minusDays(1).toString());

        JsonNode problem = Api.json(api.post(Tokens.user("admin"), "/programs", body), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").asString()).endsWith("/invalid-field");
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("code", "budget", "eligibility.types[0]", "eligibility.levels[0]",
                "eligibility.years[0]", "eligibility.regions[0]", "amountRule.share", "amountRule.cap",
                "amountRule.amount", "closesAt");
        assertThat(programCount()).isEqualTo(before);

        Map<String, Object> holes = new HashMap<>(Programs.award("1000000.00"));
        holes.put("kind", "award");
        holes.put("eligibility", Map.of("types", java.util.Arrays.asList((String) null), "levels",
                java.util.Arrays.asList((String) null), "regions", java.util.Arrays.asList((String) null)));
        JsonNode nulls = Api.json(api.post(Tokens.user("admin"), "/programs", holes), HttpStatus.BAD_REQUEST);
        assertThat(nulls.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("kind", "eligibility.types[0]", "eligibility.levels[0]", "eligibility.regions[0]");
        for (String malformed : List.of("{\"code\": ", "[]", "{\"budget\": \"lots\"}", "{\"eligibility\": {\"years\": [\"x\"]}}")) {
            api.post(Tokens.user("admin"), "/programs", malformed).expectStatus().isBadRequest();
        }
        assertThat(programCount()).isEqualTo(before);
    }

    @Test
    void refusesAbsurdAndInexactMoney() {
        for (String budget : List.of("100000000000.01", "12.345", "0")) {
            JsonNode problem = Api.json(api.post(Tokens.user("admin"), "/programs", Programs.award(budget)),
                    HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).isEqualTo("budget");
        }
        Map<String, Object> body = new HashMap<>(Programs.award("1000000.00"));
        body.put("amountRule", Map.of("awards", List.of(Map.of("type", "GREEN_FACTORY", "level", "PROVINCIAL", "amount", "-1"),
                Map.of("type", "GREEN_FACTORY", "level", "PROVINCIAL", "amount", "10"))));
        JsonNode problem = Api.json(api.post(Tokens.user("admin"), "/programs", body), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("amountRule.awards[0].amount", "amountRule.awards[1]");
    }

    @Test
    void moneyInScientificNotationIsRefusedInEveryAmountOfAProgram() {
        long before = programCount();
        Map<String, Object> budget = new HashMap<>(Programs.award("1e7"));
        Map<String, Object> award = new HashMap<>(Programs.award("1000000.00"));
        award.put("amountRule", Map.of("awards", List.of(Map.of("type", "GREEN_FACTORY", "level", "PROVINCIAL",
                "amount", "5E+5"))));
        Map<String, Object> cap = new HashMap<>(Programs.retrofit("1000000.00"));
        cap.put("amountRule", Map.of("share", "0.10", "cap", "2.5e7"));
        Map<String, Object> fixed = new HashMap<>(Programs.diagnostics("1000000.00"));
        fixed.put("amountRule", Map.of("amount", "5e4"));
        Map<String, Map<String, Object>> cases = Map.of("budget", budget, "amountRule.awards[0].amount", award,
                "amountRule.cap", cap, "amountRule.amount", fixed);
        cases.forEach((field, body) -> {
            JsonNode problem = Api.json(api.post(Tokens.user("admin"), "/programs", body), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).isEqualTo(field);
            assertThat(problem.get("detail").asString()).contains("plain decimal");
        });
        assertThat(programCount()).isEqualTo(before);

        String id = Programs.create(api, Programs.diagnostics("2000000.00")).get("id").asString();
        JsonNode patch = Api.json(api.patch(Tokens.user("admin"), "/programs/" + id, "{\"budget\": 3e6}"),
                HttpStatus.BAD_REQUEST);
        assertThat(patch.get("field").asString()).isEqualTo("budget");
        assertThat(Api.json(api.get(Tokens.user("admin"), "/programs/" + id), HttpStatus.OK).get("budget").decimalValue())
                .isEqualByComparingTo("2000000.00");
    }

    @Test
    void whatIsFixedAtCreationCannotBePatchedAndNothingIsWritten() {
        JsonNode program = Programs.create(api, Programs.diagnostics("2000000.00"));
        String path = "/programs/" + program.get("id").asString();
        Map<String, Object> fixed = Map.of("kind", "RETROFIT", "code", "NX-OTHER-CODE",
                "amountRule", Map.of("amount", "90000.00"), "eligibility", Map.of("types", List.of("GREEN_PARK")));
        fixed.forEach((field, value) -> {
            JsonNode problem = Api.json(api.patch(Tokens.user("admin"), path, Map.of("name", "改名", field, value)),
                    HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).isEqualTo(field);
            assertThat(problem.get("detail").asString()).contains(field + ": cannot be changed after creation");
        });
        JsonNode derived = Api.json(api.patch(Tokens.user("admin"), path, Map.of("committed", "0.00")), HttpStatus.BAD_REQUEST);
        assertThat(derived.get("field").asString()).isEqualTo("committed");
        JsonNode typo = Api.json(api.patch(Tokens.user("admin"), path, Map.of("budgett", "1.00")), HttpStatus.BAD_REQUEST);
        assertThat(typo.get("detail").asString()).contains("budgett").contains("name, description, opensAt, closesAt, budget");

        JsonNode now = Api.json(api.get(Tokens.user("admin"), path), HttpStatus.OK);
        assertThat(now.get("name").asString()).isEqualTo(program.get("name").asString());
        assertThat(now.get("kind").asString()).isEqualTo("DIAGNOSTICS");
        assertThat(now.get("code").asString()).isEqualTo(program.get("code").asString());
        assertThat(now.get("amountRule").get("amount").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(now.get("updatedAt").asString()).isEqualTo(program.get("updatedAt").asString());
    }

    @Test
    void valuesThatWereSentButAreWrongAreNotCalledMissing() {
        Map<String, Object> body = new HashMap<>(Programs.retrofit("1000000.00"));
        body.put("code", "lower case");
        body.put("amountRule", Map.of("share", "1.5", "cap", "100.00"));
        body.put("name", " ");
        JsonNode problem = Api.json(api.post(Tokens.user("admin"), "/programs", body), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail").asString()).doesNotContain("is required")
                .contains("code: must be 3-40 upper-case letters").contains("amountRule.share: must be a fraction")
                .contains("name: must not be blank");
        body.remove("code");
        assertThat(Api.json(api.post(Tokens.user("admin"), "/programs", body), HttpStatus.BAD_REQUEST).get("detail")
                .asString()).contains("code: is required");
        // enums are case-sensitive codes; a wrong one is answered with the allowed values
        JsonNode kind = Api.json(api.get(Tokens.user("admin"), "/programs?kind=award"), HttpStatus.BAD_REQUEST);
        assertThat(kind.get("field").asString()).isEqualTo("kind");
        assertThat(kind.get("detail").asString()).contains("AWARD, RETROFIT, DIAGNOSTICS");
    }

    @Test
    void onlyAdministratorsDefineAndChangePrograms() {
        Map<String, Object> body = Programs.diagnostics("2000000.00");
        api.post(null, "/programs", body).expectStatus().isUnauthorized();
        api.post(Tokens.foreignRealm(), "/programs", body).expectStatus().isUnauthorized();
        api.post(Tokens.user("admin") + "x", "/programs", body).expectStatus().isUnauthorized();
        for (String token : List.of(Tokens.user("ent-a"), Tokens.user("rev-prov"), Tokens.user("rev-city"),
                Tokens.client("bank-a"), Tokens.user("expert1"))) {
            api.post(token, "/programs", body).expectStatus().isForbidden();
        }
        String id = Programs.create(api, body).get("id").asString();
        api.patch(Tokens.user("rev-prov"), "/programs/" + id, Map.of("budget", "1.00")).expectStatus().isForbidden();
        api.get(Tokens.client("bank-a"), "/programs").expectStatus().isForbidden();
        api.get(Tokens.user("expert1"), "/programs/" + id).expectStatus().isForbidden();
        api.get(null, "/programs").expectStatus().isUnauthorized();
        api.get(Tokens.user("admin"), "/programs/" + UUID.randomUUID()).expectStatus().isNotFound();
        api.get(Tokens.user("admin"), "/programs/not-a-uuid").expectStatus().isBadRequest();

        JsonNode changed = Api.json(api.patch(Tokens.user("admin"), "/programs/" + id,
                Map.of("budget", "3000000.00", "name", "2026年度工业节能诊断服务补助")), HttpStatus.OK);
        assertThat(changed.get("budget").decimalValue()).isEqualByComparingTo("3000000.00");
        assertThat(changed.get("name").asString()).isEqualTo("2026年度工业节能诊断服务补助");
        api.patch(Tokens.user("admin"), "/programs/" + id, Map.of("budget", "-3")).expectStatus().isBadRequest();
        api.patch(Tokens.user("admin"), "/programs/" + id,
                Map.of("closesAt", Programs.OPENED.minusYears(1).toString())).expectStatus().isBadRequest();
    }
}
