package io.greenportal.certification.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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

/** Objection intake: only during publicity, validated, rate-limited per client; decisions by the province. */
@IntegrationTest
class ObjectionTest {

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
    }

    long objections() {
        return jdbc.sql("select count(*) from objection").query(Long.class).single();
    }

    static Map<String, Object> objection(String name) {
        return Map.of("name", name, "contact", "13800001111", "content", "对该企业的申报材料真实性有异议，请核查。");
    }

    @Test
    void objectionsOutsidePublicityOrMalformedAreRefusedAndNothingIsWritten() {
        String draft = flow.draft("ent-a", batch, "640106");
        String inReview = flow.submitted("ent-a", batch, "640106");
        long before = objections();
        String client = TestData.clientAddress();

        flow.objection(draft, client, objection("张三")).expectStatus().isNotFound();
        flow.objection(inReview, client, objection("张三")).expectStatus().isNotFound();
        flow.objection(java.util.UUID.randomUUID().toString(), client, objection("张三")).expectStatus().isNotFound();

        String published = flow.inPublicity("ent-b", batch, "640202");
        String other = TestData.clientAddress();
        JsonNode bad = Flow.json(flow.objection(published, other, Map.of("name", "", "contact", "1", "content", "不好")),
                HttpStatus.BAD_REQUEST);
        assertThat(bad.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("name", "contact", "content");
        flow.objection(published, other, Map.of()).expectStatus().isBadRequest();
        assertThat(objections()).isEqualTo(before);

        // decisions are the province's
        String id = Flow.json(flow.objection(published, other, objection("孙八")), HttpStatus.CREATED).get("id").asString();
        String decision = "applications/" + published + "/objections/" + id + "/decision";
        var dismiss = Map.of("decision", "DISMISS", "comment", "不成立");
        flow.post("rev-city2", decision, dismiss).expectStatus().isForbidden();
        flow.post("ent-b", decision, dismiss).expectStatus().isForbidden();
        flow.post(null, decision, dismiss).expectStatus().isUnauthorized();
        flow.post("rev-prov", decision, Map.of("decision", "DISMISS")).expectStatus().isBadRequest();
        // an outcome belongs to an upheld objection: on a dismissal it is refused, not ignored
        assertThat(Flow.json(flow.post("rev-prov", decision, Map.of("decision", "DISMISS", "outcome", "REJECT",
                "comment", "不成立")), HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("outcome");
        flow.post("rev-prov", "applications/" + published + "/objections/" + java.util.UUID.randomUUID() + "/decision",
                dismiss).expectStatus().isNotFound();
        flow.post("rev-prov", decision, dismiss).expectStatus().isOk();
        JsonNode again = Flow.json(flow.post("rev-prov", decision, dismiss), HttpStatus.CONFLICT);
        assertThat(again.get("currentStatus").asString()).isEqualTo("DISMISSED");

        // the objector is visible only to provincial reviewers
        for (String reader : new String[] {"ent-b", "rev-city2", "admin"}) {
            JsonNode seen = Flow.json(flow.get(reader, "applications/" + published + "/objections"), HttpStatus.OK);
            assertThat(seen.toString()).as(reader).doesNotContain("孙八").doesNotContain("13800001111");
        }
        assertThat(Flow.json(flow.get("rev-prov", "applications/" + published + "/objections"), HttpStatus.OK).toString())
                .contains("孙八").contains("13800001111");
        flow.get("ent-a", "applications/" + published + "/objections").expectStatus().isNotFound();
        flow.get("expert1", "applications/" + published + "/objections").expectStatus().isForbidden();
        flow.get(null, "applications/" + published + "/objections").expectStatus().isUnauthorized();
    }

    @Test
    void aClientIsLimitedToFiveObjectionsPerWindow() {
        String published = flow.inPublicity("ent-b", batch, "640202");
        String client = TestData.clientAddress();
        for (int i = 0; i < 5; i++) {
            flow.objection(published, client, objection("周" + i)).expectStatus().isCreated();
        }
        long before = objections();
        var limited = flow.objection(published, client, objection("周五"));
        JsonNode problem = Flow.json(limited, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.get("type").asString()).endsWith("/rate-limited");
        flow.objection(published, client, objection("周六")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 600L));
        assertThat(objections()).isEqualTo(before);
        // another client is not affected
        flow.objection(published, TestData.clientAddress(), objection("吴七")).expectStatus().isCreated();
    }

    @Test
    void anIpv6SubscriberIsOneClientWhicheverAddressOfItsSlash64ItUses() {
        String published = flow.inPublicity("ent-b", batch, "640202");
        var r = java.util.concurrent.ThreadLocalRandom.current();
        String slash64 = "2001:db8:" + Integer.toHexString(r.nextInt(1, 0xffff)) + ":" + Integer.toHexString(r.nextInt(1, 0xffff)) + ":";
        for (int i = 1; i <= 5; i++) {
            flow.objection(published, slash64 + "a:b:c:" + i, objection("卫" + i)).expectStatus().isCreated();
        }
        flow.objection(published, slash64 + "ffff:1:2:3", objection("卫六")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // the neighbouring /64 is another subscriber
        String next = "2001:db8:ffff:" + Integer.toHexString(r.nextInt(1, 0xffff)) + "::1";
        flow.objection(published, next, objection("卫七")).expectStatus().isCreated();
    }

    @Test
    void anAddressWithoutTheGatewaysSealIsNoNewClient() {
        String published = flow.inPublicity("ent-b", batch, "640202");
        // straight at the service, a made-up address per request, unsealed or with a forged seal: all of
        // them count against the connection's own address, whose budget runs out after five
        for (int i = 0; i < 5; i++) {
            rest.post().uri("/api/v1/certification/applications/" + published + "/objections")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .header("X-Client-Address", TestData.clientAddress())
                    .header("X-Client-Address-Seal", i % 2 == 0 ? "forged" : TestData.CLIENT_ADDRESS_SEAL.seal("198.51.100.1"))
                    .body(objection("郑" + i)).exchange();
        }
        rest.post().uri("/api/v1/certification/applications/" + published + "/objections")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .header("X-Client-Address", TestData.clientAddress())
                .body(objection("郑九")).exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // the gateway's sealed stamp is still each visitor's own
        flow.objection(published, TestData.clientAddress(), objection("冯十")).expectStatus().isCreated();
    }
}
