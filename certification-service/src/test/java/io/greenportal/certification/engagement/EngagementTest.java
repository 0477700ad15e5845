package io.greenportal.certification.engagement;

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

/**
 * The enterprise engages a registered body, the body's evaluators (eval-a, eval-b: real tokens carrying
 * their body's credit code) confirm and report; submission needs both.
 */
@IntegrationTest
class EngagementTest {

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

    long engagementRows() {
        return jdbc.sql("select (select count(*) from engagement) + (select count(*) from document)").query(Long.class).single();
    }

    @Test
    void engagedConfirmedAndReportedTheApplicationIsSubmittedWithTheBodysNameAndReport() {
        String id = flow.draft("ent-a", batch, "640106");
        // nothing evaluated: both are named
        JsonNode incomplete = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.BAD_REQUEST);
        assertThat(incomplete.get("type").asString()).endsWith("/incomplete-application");
        assertThat(incomplete.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("evaluationBody", "evaluationReport");

        String body = flow.bodyA();
        JsonNode named = Flow.json(flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", body)), HttpStatus.OK);
        assertThat(named.get("status").asString()).isEqualTo("REQUESTED");
        // the named body's evaluator sees it; the other body's does not
        assertThat(Flow.json(flow.get("eval-a", "engagements"), HttpStatus.OK).get("items").valueStream()
                .map(i -> i.get("engagement").get("applicationId").asString())).contains(id);
        assertThat(Flow.json(flow.get("eval-b", "engagements"), HttpStatus.OK).get("items").valueStream()
                .map(i -> i.get("engagement").get("applicationId").asString())).doesNotContain(id);
        flow.get("eval-a", "applications/" + id).expectStatus().isOk();
        flow.get("eval-b", "applications/" + id).expectStatus().isNotFound();
        flow.post("eval-b", "applications/" + id + "/engagement/confirmation", null).expectStatus().isNotFound();
        flow.report("eval-b", id, TestData.factoryScores(), 86).expectStatus().isNotFound();
        // a report before confirming: refused
        JsonNode early = Flow.json(flow.report("eval-a", id, TestData.factoryScores(), 86), HttpStatus.CONFLICT);
        assertThat(early.get("type").asString()).endsWith("/engagement-not-confirmed");

        JsonNode confirmed = Flow.json(flow.post("eval-a", "applications/" + id + "/engagement/confirmation", null), HttpStatus.OK);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("confirmedBy").asString()).isEqualTo("eval-a");
        JsonNode notYet = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.BAD_REQUEST);
        assertThat(notYet.get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly("evaluationReport");

        JsonNode reported = Flow.json(flow.report("eval-a", id, TestData.factoryScores(), "86.5"), HttpStatus.OK);
        assertThat(reported.get("scores").size()).isEqualTo(7);
        assertThat(reported.get("totalScore").asString()).isEqualTo("86.50");
        JsonNode app = flow.application("ent-a", id);
        assertThat(app.get("evaluationBody").asString()).isEqualTo("宁夏节能低碳评价中心");
        assertThat(app.get("evaluationReport").asString()).startsWith("NXJN-2026-");
        // the enterprise cannot remove or replace the body's report
        String doc = reported.get("reportDocumentId").asString();
        rest.delete().uri(Flow.API + "/applications/" + id + "/documents/" + doc)
                .header("Authorization", "Bearer " + Flow.token("ent-a")).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(Flow.json(flow.upload("ent-a", id, "EVALUATION_REPORT", "r.pdf", TestData.pdf("fake")),
                HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("kind");

        JsonNode submitted = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.OK);
        assertThat(submitted.get("state").asString()).isEqualTo("MUNICIPAL_REVIEW");
        assertThat(submitted.get("evaluationBody").asString()).isEqualTo("宁夏节能低碳评价中心");
        // reviewers read the engagement and the report; the body keeps seeing what names it
        assertThat(Flow.json(flow.get("rev-city", "applications/" + id + "/engagement"), HttpStatus.OK).get("items").get(0)
                .get("scores").get("PERFORMANCE").asInt()).isEqualTo(85);
        flow.get("rev-city", "applications/" + id + "/documents/" + doc).expectStatus().isOk();
        flow.get("eval-a", "applications/" + id + "/documents/" + doc).expectStatus().isOk();
        flow.get("eval-b", "applications/" + id + "/engagement").expectStatus().isNotFound();
        // after submission nothing of the evaluation changes
        flow.report("eval-a", id, TestData.factoryScores(), 90).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", flow.bodyB())).expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aBodyNeverEvaluatesItselfAnEnterpriseSharingItsCodeOrADeclaredAffiliate() {
        String id = flow.draft("ent-a", batch, "640106");
        long before = engagementRows();
        String itself = flow.body(TestData.ENT_A, "宁夏绿源新材料有限公司（自评机构）");
        JsonNode refused = Flow.json(flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", itself)),
                HttpStatus.CONFLICT);
        assertThat(refused.get("type").asString()).endsWith("/conflict-of-interest");
        assertThat(refused.get("field").asString()).isEqualTo("bodyId");

        var affiliated = new LinkedHashMap<>(TestData.body("关联评价机构", TestData.uscc("640100")));
        affiliated.put("affiliations", List.of(TestData.ENT_A));
        String affiliate = Flow.json(flow.post("admin", "evaluation-bodies", affiliated), HttpStatus.CREATED).get("id").asString();
        assertThat(Flow.json(flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", affiliate)),
                HttpStatus.CONFLICT).get("detail").asString()).contains("affiliation");
        assertThat(engagementRows()).isEqualTo(before);

        // an affiliation declared after the enterprise named the body stops the confirmation
        String body = flow.body(TestData.BODY_B, "宁夏绿色制造评价服务有限公司");
        flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", body)).expectStatus().isOk();
        var declared = new LinkedHashMap<>(TestData.body("宁夏绿色制造评价服务有限公司", TestData.BODY_B));
        declared.put("affiliations", List.of(TestData.ENT_A));
        flow.put("admin", "evaluation-bodies/" + body, declared).expectStatus().isOk();
        assertThat(Flow.json(flow.post("eval-b", "applications/" + id + "/engagement/confirmation", null),
                HttpStatus.CONFLICT).get("type").asString()).endsWith("/conflict-of-interest");
        declared.put("affiliations", List.of());
        flow.put("admin", "evaluation-bodies/" + body, declared).expectStatus().isOk();
    }

    @Test
    void onlyAnActiveBodyQualifiedForTheTypeIsEngaged() {
        String id = flow.draft("ent-a", batch, "640106");
        var parksOnly = new LinkedHashMap<>(TestData.body("园区评价机构", TestData.uscc("640100")));
        parksOnly.put("types", List.of("GREEN_PARK"));
        String parks = Flow.json(flow.post("admin", "evaluation-bodies", parksOnly), HttpStatus.CREATED).get("id").asString();
        assertThat(Flow.json(flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", parks)),
                HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("bodyId");

        String code = TestData.uscc("640100");
        String suspended = Flow.json(flow.post("admin", "evaluation-bodies", TestData.body("暂停机构", code)),
                HttpStatus.CREATED).get("id").asString();
        flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", suspended)).expectStatus().isOk();
        flow.post("admin", "evaluation-bodies/" + suspended + "/status", Map.of("status", "SUSPENDED", "reason", "年检"))
                .expectStatus().isOk();
        JsonNode refused = Flow.json(flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", suspended)),
                HttpStatus.CONFLICT);
        assertThat(refused.get("type").asString()).endsWith("/body-not-active");
        assertThat(refused.get("currentStatus").asString()).isEqualTo("SUSPENDED");
        // naming another body replaces the one in force; the old one stays in the list
        flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", flow.bodyA())).expectStatus().isOk();
        JsonNode all = Flow.json(flow.get("ent-a", "applications/" + id + "/engagement"), HttpStatus.OK).get("items");
        assertThat(all.valueStream().map(e -> e.get("status").asString())).containsExactly("REPLACED", "REQUESTED");
        assertThat(Flow.json(flow.put("ent-a", "applications/" + id + "/engagement",
                Map.of("bodyId", java.util.UUID.randomUUID().toString())), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("bodyId");
        assertThat(Flow.json(flow.put("ent-a", "applications/" + id + "/engagement", Map.of()), HttpStatus.BAD_REQUEST)
                .get("field").asString()).isEqualTo("bodyId");
        // another enterprise cannot name a body on it
        flow.put("ent-b", "applications/" + id + "/engagement", Map.of("bodyId", flow.bodyA())).expectStatus().isNotFound();
        flow.put("eval-a", "applications/" + id + "/engagement", Map.of("bodyId", flow.bodyA())).expectStatus().isForbidden();
    }

    @Test
    void aReportIsAPdfScoringEveryAspect() {
        String id = flow.draft("ent-a", batch, "640106");
        flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", flow.bodyA())).expectStatus().isOk();
        flow.post("eval-a", "applications/" + id + "/engagement/confirmation", null).expectStatus().isOk();
        long before = engagementRows();
        Map<String, Object> partial = new LinkedHashMap<>(TestData.factoryScores());
        partial.remove("PERFORMANCE");
        partial.put("PRODUCTS", 101);
        JsonNode problem = Flow.json(flow.report("eval-a", id, partial, 86), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("scores.PRODUCTS", "scores.PERFORMANCE");
        assertThat(engagementRows()).isEqualTo(before);
        JsonNode aspects = Flow.json(flow.get("eval-a", "evaluation-aspects"), HttpStatus.OK);
        assertThat(aspects.get("GREEN_FACTORY").size()).isEqualTo(7);
    }

    /** As curl -F 'report={...}' and a browser's FormData send it: a text part with no Content-Type. */
    @Test
    void aReportPartWithoutAContentTypeIsReadAsJson() throws Exception {
        String id = flow.draft("ent-a", batch, "640106");
        flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", flow.bodyA())).expectStatus().isOk();
        flow.post("eval-a", "applications/" + id + "/engagement/confirmation", null).expectStatus().isOk();
        String boundary = "untyped-report";
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(TestData.pdf("evaluation report " + id));
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n"
                + new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of("reportNumber", "评价-2026-01",
                        "scores", TestData.factoryScores(), "totalScore", 86))
                + "\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode reported = Flow.json(rest.post().uri(Flow.API + "/applications/" + id + "/engagement/report")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).body(body.toByteArray())
                .header("Authorization", "Bearer " + Flow.token("eval-a")).exchange(), HttpStatus.OK);
        assertThat(reported.get("reportNumber").asString()).isEqualTo("评价-2026-01");
        assertThat(reported.get("totalScore").asString()).isEqualTo("86.00");
    }

    @Test
    void hostileReportsAreRefusedWithAProblemAndNothingIsWritten() {
        String id = flow.draft("ent-a", batch, "640106");
        flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", flow.bodyA())).expectStatus().isOk();
        flow.post("eval-a", "applications/" + id + "/engagement/confirmation", null).expectStatus().isOk();
        long before = engagementRows();
        // not a PDF
        var parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("file", new org.springframework.core.io.ByteArrayResource("MZ not a pdf".getBytes()) {
            @Override
            public String getFilename() {
                return "report.pdf";
            }
        }).contentType(org.springframework.http.MediaType.APPLICATION_PDF);
        parts.part("report", Map.of("reportNumber", "R-1", "scores", TestData.factoryScores(), "totalScore", 86))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON);
        JsonNode notPdf = Flow.json(rest.post().uri(Flow.API + "/applications/" + id + "/engagement/report")
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .header("Authorization", "Bearer " + Flow.token("eval-a")).exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(notPdf.get("field").asString()).isEqualTo("file");
        // a report part that is not JSON
        var broken = new org.springframework.http.client.MultipartBodyBuilder();
        broken.part("file", new org.springframework.core.io.ByteArrayResource(TestData.pdf("x")) {
            @Override
            public String getFilename() {
                return "report.pdf";
            }
        }).contentType(org.springframework.http.MediaType.APPLICATION_PDF);
        broken.part("report", "{not json").contentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var answer = rest.post().uri(Flow.API + "/applications/" + id + "/engagement/report")
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(broken.build())
                .header("Authorization", "Bearer " + Flow.token("eval-a")).exchange();
        answer.expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith("application/problem+json");
        // no report part, and a path in the file name
        var missing = new org.springframework.http.client.MultipartBodyBuilder();
        missing.part("file", new org.springframework.core.io.ByteArrayResource(TestData.pdf("x")) {
            @Override
            public String getFilename() {
                return "../../etc/report.pdf";
            }
        }).contentType(org.springframework.http.MediaType.APPLICATION_PDF);
        rest.post().uri(Flow.API + "/applications/" + id + "/engagement/report")
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(missing.build())
                .header("Authorization", "Bearer " + Flow.token("eval-a")).exchange().expectStatus().isBadRequest();
        assertThat(engagementRows()).isEqualTo(before);
        // ids that are not ids
        flow.post("eval-a", "applications/not-an-id/engagement/confirmation", null).expectStatus().isBadRequest();
        flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", "not-a-uuid")).expectStatus().isBadRequest();
    }
}
