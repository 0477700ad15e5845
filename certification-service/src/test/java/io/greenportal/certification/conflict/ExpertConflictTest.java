package io.greenportal.certification.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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

/**
 * Experts declare conflicts of interest and are never assigned such an application (its enterprise, or
 * the body that evaluated it), nor score one they declared after being assigned. The demo experts'
 * declarations are removed after each test (they share the test database with other tests).
 */
@IntegrationTest
class ExpertConflictTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    Flow flow;
    String batch;

    @BeforeEach
    void setUp() {
        flow = new Flow(rest, clock);
        batch = flow.batch();
        jdbc.sql("delete from expert_conflict").update();
    }

    @org.junit.jupiter.api.AfterEach
    void forget() {
        jdbc.sql("delete from expert_conflict").update();
    }

    int assignments(String id) {
        return jdbc.sql("select count(*) from expert_assignment where application_id = cast(:id as uuid)")
                .param("id", id).query(Integer.class).single();
    }

    @Test
    void anExpertWhoDeclaredTheEnterpriseOrItsBodyIsNeverAssigned() {
        String id = flow.inExpertReview("ent-a", batch, "640106");
        JsonNode declared = Flow.json(flow.post("expert2", "expert-conflicts",
                Map.of("kind", "ENTERPRISE", "creditCode", TestData.ENT_A, "note", "曾任该企业顾问")), HttpStatus.CREATED);
        assertThat(declared.get("expert").asString()).isEqualTo("expert2");
        // another enterprise: no conflict here
        flow.post("expert1", "expert-conflicts", Map.of("kind", "ENTERPRISE", "creditCode", TestData.ENT_B)).expectStatus().isCreated();
        flow.post("expert3", "expert-conflicts", Map.of("kind", "BODY", "creditCode", TestData.BODY_A)).expectStatus().isCreated();

        JsonNode refused = Flow.json(flow.post("rev-prov", "applications/" + id + "/expert-assignments",
                Map.of("experts", List.of("expert1", "expert2", "expert3"))), HttpStatus.CONFLICT);
        assertThat(refused.get("type").asString()).endsWith("/conflict-of-interest");
        assertThat(refused.get("field").asString()).isEqualTo("experts");
        assertThat(refused.get("conflictedExperts").valueStream().map(JsonNode::asString)).containsExactly("expert2", "expert3");
        assertThat(assignments(id)).isZero();

        // everyone's declarations are the province's to read; an expert reads their own
        assertThat(Flow.json(flow.get("rev-prov", "expert-conflicts"), HttpStatus.OK).get("items").size()).isEqualTo(3);
        JsonNode second = Flow.json(flow.get("rev-prov", "expert-conflicts?size=2&page=1"), HttpStatus.OK);
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("items").valueStream().map(c -> c.get("expert").asString())).containsExactly("expert3");
        assertThat(Flow.json(flow.get("rev-prov", "expert-conflicts?size=0"), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("size");
        assertThat(Flow.json(flow.get("expert3", "expert-conflicts"), HttpStatus.OK).get("items").valueStream()
                .map(c -> c.get("expert").asString())).containsOnly("expert3");
        flow.get("ent-a", "expert-conflicts").expectStatus().isForbidden();
        flow.post("rev-prov", "expert-conflicts", Map.of("kind", "BODY", "creditCode", TestData.BODY_A)).expectStatus().isForbidden();
    }

    @Test
    void aConflictDeclaredAfterTheAssignmentStopsTheScore() {
        String id = flow.inExpertReview("ent-a", batch, "640106");
        flow.assign(id, "expert1", "expert2", "expert3");
        flow.post("expert2", "expert-conflicts", Map.of("kind", "ENTERPRISE", "creditCode", TestData.ENT_A)).expectStatus().isCreated();
        JsonNode refused = Flow.json(flow.score("expert2", id, 80), HttpStatus.CONFLICT);
        assertThat(refused.get("type").asString()).endsWith("/conflict-of-interest");
        flow.score("expert1", id, 80).expectStatus().isCreated();
        assertThat(flow.state(id)).isEqualTo("EXPERT_REVIEW");
    }

    @Test
    void aDeclarationNamesAValidCreditCodeAndAKind() {
        assertThat(Flow.json(flow.post("expert1", "expert-conflicts", Map.of("kind", "ENTERPRISE", "creditCode", "91640100MA76A00011")),
                HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("creditCode");
        assertThat(Flow.json(flow.post("expert1", "expert-conflicts", Map.of("kind", "FRIEND", "creditCode", TestData.ENT_A)),
                HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("kind");
        // everything wrong at once is named at once
        JsonNode all = Flow.json(flow.post("expert1", "expert-conflicts", Map.of("kind", "FRIEND",
                "creditCode", "91640100MA76A00011", "note", "备".repeat(501))), HttpStatus.BAD_REQUEST);
        assertThat(all.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("kind", "creditCode", "note");
        assertThat(jdbc.sql("select count(*) from expert_conflict").query(Long.class).single()).isZero();
    }
}
