package io.greenportal.certification.evaluationbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.TestData;
import io.greenportal.platform.test.IntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** The registry of evaluation bodies through REST with real tokens: administrators maintain it, the public reads it. */
@IntegrationTest
class EvaluationBodyApiTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    Flow flow;

    @BeforeEach
    void setUp() {
        flow = new Flow(rest, clock);
    }

    long rows() {
        return jdbc.sql("select (select count(*) from evaluation_body) + (select count(*) from evaluation_body_status)")
                .query(Long.class).single();
    }

    @Test
    void anAdministratorRegistersEditsAndSanctionsABodyWithItsHistory() {
        String code = TestData.uscc("640100");
        JsonNode created = Flow.json(flow.post("admin", "evaluation-bodies", TestData.body("宁夏测试评价中心", code)),
                HttpStatus.CREATED);
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.get("creditCode").asString()).isEqualTo(code);

        var edited = new LinkedHashMap<>(TestData.body("宁夏测试评价中心（更名）", code));
        edited.put("types", List.of("GREEN_FACTORY"));
        edited.put("affiliations", List.of(TestData.ENT_B));
        JsonNode updated = Flow.json(flow.put("admin", "evaluation-bodies/" + id, edited), HttpStatus.OK);
        assertThat(updated.get("name").asString()).isEqualTo("宁夏测试评价中心（更名）");
        assertThat(updated.get("affiliations").valueStream().map(JsonNode::asString)).containsExactly(TestData.ENT_B);

        Flow.json(flow.post("admin", "evaluation-bodies/" + id + "/status",
                Map.of("status", "SUSPENDED", "reason", "资质年检未通过")), HttpStatus.OK);
        JsonNode sanctioned = Flow.json(flow.post("admin", "evaluation-bodies/" + id + "/status",
                Map.of("status", "SANCTIONED", "reason", "出具失实评价报告")), HttpStatus.OK);
        assertThat(sanctioned.get("body").get("status").asString()).isEqualTo("SANCTIONED");
        JsonNode history = sanctioned.get("history");
        assertThat(history.valueStream().map(h -> h.get("to").asString())).containsExactly("ACTIVE", "SUSPENDED", "SANCTIONED");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("出具失实评价报告");
        assertThat(history.get(2).get("actor").asString()).isEqualTo("admin");
        assertThat(history.get(2).get("from").asString()).isEqualTo("SUSPENDED");

        // the public list shows the sanction, with its date and reason
        JsonNode shown = publicBody(code);
        assertThat(shown.get("status").asString()).isEqualTo("SANCTIONED");
        assertThat(shown.get("sanctionReason").asString()).isEqualTo("出具失实评价报告");
        assertThat(shown.hasNonNull("sanctionedAt")).isTrue();

        // a sanction stays until lifted: no move to SUSPENDED
        JsonNode refused = Flow.json(flow.post("admin", "evaluation-bodies/" + id + "/status",
                Map.of("status", "SUSPENDED", "reason", "x")), HttpStatus.CONFLICT);
        assertThat(refused.get("currentStatus").asString()).isEqualTo("SANCTIONED");
    }

    JsonNode publicBody(String code) {
        JsonNode list = Flow.json(flow.get(null, "public/evaluation-bodies?size=200"), HttpStatus.OK);
        return list.get("items").valueStream().filter(b -> b.get("creditCode").asString().equals(code)).findFirst()
                .orElse(null);
    }

    @Test
    void thePublicSeesActiveAndSanctionedBodiesButNotSuspendedOnes() {
        String active = TestData.uscc("640100");
        String suspended = TestData.uscc("640100");
        flow.post("admin", "evaluation-bodies", TestData.body("公开机构", active)).expectStatus().isCreated();
        String id = Flow.json(flow.post("admin", "evaluation-bodies", TestData.body("暂停机构", suspended)),
                HttpStatus.CREATED).get("id").asString();
        flow.post("admin", "evaluation-bodies/" + id + "/status", Map.of("status", "SUSPENDED", "reason", "年检"))
                .expectStatus().isOk();
        assertThat(publicBody(active).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(publicBody(active).has("contact")).isTrue();
        assertThat(publicBody(suspended)).isNull();
    }

    @Test
    void onlyAdministratorsMaintainTheRegistry() {
        String code = TestData.uscc("640100");
        long before = rows();
        for (String user : List.of("ent-a", "rev-prov", "expert1", "eval-a")) {
            flow.post(user, "evaluation-bodies", TestData.body("越权机构", code)).expectStatus().isForbidden();
            flow.get(user, "evaluation-bodies").expectStatus().isForbidden();
        }
        flow.post(null, "evaluation-bodies", TestData.body("越权机构", code)).expectStatus().isUnauthorized();
        assertThat(rows()).isEqualTo(before);
        String id = flow.bodyA();
        flow.post("eval-a", "evaluation-bodies/" + id + "/status", Map.of("status", "SUSPENDED", "reason", "x"))
                .expectStatus().isForbidden();
        flow.get("ent-a", "evaluation-bodies/" + id).expectStatus().isForbidden();
        flow.get("admin", "evaluation-bodies/" + id).expectStatus().isOk();
        flow.get("admin", "evaluation-bodies/" + java.util.UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void badInputIsNamedAndNothingIsWritten() {
        long before = rows();
        var body = new LinkedHashMap<>(TestData.body(" ", "91640100MA76E00011"));
        body.put("types", List.of("GREEN_HOUSE"));
        JsonNode problem = Flow.json(flow.post("admin", "evaluation-bodies", body), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("name", "creditCode", "types");
        body = new LinkedHashMap<>(TestData.body("机构", TestData.uscc("640100")));
        body.put("qualifiedUntil", "2026-02-30");
        assertThat(Flow.json(flow.post("admin", "evaluation-bodies", body), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("qualifiedUntil");
        String existing = flow.bodyA();
        before = rows();
        JsonNode duplicate = Flow.json(flow.post("admin", "evaluation-bodies", TestData.body("重复", TestData.BODY_A)),
                HttpStatus.CONFLICT);
        assertThat(duplicate.get("field").asString()).isEqualTo("creditCode");
        assertThat(duplicate.get("bodyId").asString()).isEqualTo(existing);
        JsonNode noReason = Flow.json(flow.post("admin", "evaluation-bodies/" + existing + "/status",
                Map.of("status", "SUSPENDED")), HttpStatus.BAD_REQUEST);
        assertThat(noReason.get("field").asString()).isEqualTo("reason");
        assertThat(rows()).isEqualTo(before);
        flow.get(null, "public/evaluation-bodies?size=201").expectStatus().isBadRequest();
    }
}
