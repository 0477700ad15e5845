package io.greenportal.certification.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.certification.noticefeed.NoticeLog;
import io.greenportal.certification.support.Flow;
import io.greenportal.contracts.certification.v1.NoticeChangeKind;
import io.greenportal.platform.test.IntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class BatchApiTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    NoticeLog notices;

    Flow flow;

    @BeforeEach
    void setUp() {
        flow = new Flow(rest, clock);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "2026年度绿色制造第二批");
        body.put("year", flow.now().getYear());
        body.put("types", List.of("GREEN_FACTORY", "GREEN_PRODUCT"));
        body.put("deadline", flow.now().plusDays(20).toString());
        body.put("publicityDays", 5);
        body.put("passMark", 72.5);
        body.put("minExperts", 3);
        return body;
    }

    @Test
    void queryParametersThatAreNotUtf8AreA400NamingThem(
            @org.springframework.beans.factory.annotation.Value("${local.server.port}") int port) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/certification/applications?state=%E6%B0"))
                .header("Authorization", "Bearer " + io.greenportal.platform.test.Tokens.user("rev-prov")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"state\"");
    }

    @Test
    void anAdministratorOpensABatchThatEnterprisesSeeAndTheFeedAnnounces() {
        long before = notices.lastSequence();
        JsonNode batch = Flow.json(flow.post("admin", "batches", body()), HttpStatus.CREATED);

        assertThat(batch.get("phase").asString()).isEqualTo("OPEN");
        assertThat(batch.get("passMark").asString()).isEqualTo("72.50");
        String id = batch.get("id").asString();
        JsonNode open = Flow.json(flow.get("ent-a", "batches"), HttpStatus.OK);
        assertThat(open.get("items").valueStream().map(b -> b.get("id").asString())).contains(id);
        Flow.json(flow.get("ent-b", "batches/" + id), HttpStatus.OK);

        var announced = notices.readAfter(before, 10);
        assertThat(announced).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(NoticeChangeKind.BATCH_OPENED);
            assertThat(c.getBatch().getId()).isEqualTo(id);
            assertThat(c.getBatch().getTypesCount()).isEqualTo(2);
        });
    }

    @Test
    void aBatchOpeningLaterIsAnnouncedWhenItsTimeComesAndIsNotOpenBefore() {
        Map<String, Object> body = body();
        body.put("opensAt", flow.now().plusHours(2).toString());
        String id = Flow.json(flow.post("admin", "batches", body), HttpStatus.CREATED).get("id").asString();
        assertThat(Flow.json(flow.get("admin", "batches/" + id), HttpStatus.OK).get("phase").asString())
                .isEqualTo("UPCOMING");
        assertThat(Flow.json(flow.get("ent-a", "batches"), HttpStatus.OK).get("items").valueStream()
                .map(b -> b.get("id").asString())).doesNotContain(id);
        // enterprises cannot read it by id either; reviewers and experts can
        assertThat(Flow.json(flow.get("ent-b", "batches/" + id), HttpStatus.NOT_FOUND).get("type").asString())
                .endsWith("/not-found");
        flow.get("rev-prov", "batches/" + id).expectStatus().isOk();
        flow.get("expert1", "batches/" + id).expectStatus().isOk();
        // nor by applying to it: the answer is an unknown batch's, with no name, phase or dates
        var early = new java.util.LinkedHashMap<String, Object>(Map.of("batchId", id, "type", "GREEN_FACTORY"));
        JsonNode refused = Flow.json(flow.post("ent-a", "applications", early), HttpStatus.BAD_REQUEST);
        assertThat(refused.get("field").asString()).isEqualTo("batchId");
        assertThat(refused.toString()).doesNotContain("UPCOMING").doesNotContain((String) body.get("name"))
                .doesNotContain("batchPhase");
        long before = notices.lastSequence();

        flow.advance(java.time.Duration.ofHours(3));
        assertThat(Flow.json(flow.get("ent-b", "batches/" + id), HttpStatus.OK).get("phase").asString()).isEqualTo("OPEN");

        assertThat(notices.readAfter(before, 100)).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(NoticeChangeKind.BATCH_OPENED);
            assertThat(c.getBatch().getId()).isEqualTo(id);
        });
    }

    @Test
    void onlyAdministratorsOpenBatchesAndBadFieldsAreNamed() {
        flow.post("ent-a", "batches", body()).expectStatus().isForbidden();
        flow.post("rev-prov", "batches", body()).expectStatus().isForbidden();
        flow.post(null, "batches", body()).expectStatus().isUnauthorized();
        flow.get(null, "batches").expectStatus().isUnauthorized();
        flow.get("client:bank-a", "batches").expectStatus().isForbidden();

        Map<String, Object> bad = body();
        bad.put("types", List.of("GREEN_FACTORY", "GREEN_HOUSE"));
        bad.put("minExperts", 2);
        bad.put("deadline", flow.now().minusDays(1).toString());
        JsonNode problem = Flow.json(flow.post("admin", "batches", bad), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("field").asString()).isEqualTo("types");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("types", "deadline", "minExperts");

        bad = body();
        bad.put("passMark", "seventy");
        assertThat(Flow.json(flow.post("admin", "batches", bad), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("passMark");
        flow.get("admin", "batches/not-a-uuid").expectStatus().isBadRequest();
        flow.get("admin", "batches/" + java.util.UUID.randomUUID()).expectStatus().isNotFound();
    }
}
