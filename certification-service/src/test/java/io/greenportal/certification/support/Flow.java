package io.greenportal.certification.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.platform.web.Times;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Drives applications through the REST API with the demo accounts' real tokens: the same calls a
 * browser or script makes through the gateway.
 */
public final class Flow {

    public static final String API = "/api/v1/certification";

    private final RestTestClient rest;
    private final Clock clock;

    public Flow(RestTestClient rest, Clock clock) {
        this.rest = rest;
        this.clock = clock;
    }

    public RestTestClient.ResponseSpec post(String user, String uri, Object body) {
        var request = rest.post().uri(uri.startsWith("/") ? uri : API + "/" + uri).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body);
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request.exchange();
    }

    public RestTestClient.ResponseSpec put(String user, String uri, Object body) {
        return rest.put().uri(API + "/" + uri).contentType(MediaType.APPLICATION_JSON).body(body)
                .header("Authorization", "Bearer " + token(user)).exchange();
    }

    public RestTestClient.ResponseSpec get(String user, String uri) {
        var request = rest.get().uri(uri.startsWith("/") ? uri : API + "/" + uri);
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request.exchange();
    }

    public RestTestClient.ResponseSpec objection(String applicationId, String client, Object body) {
        return rest.post().uri(API + "/applications/" + applicationId + "/objections")
                .contentType(MediaType.APPLICATION_JSON).header("X-Client-Address", client)
                .header("X-Client-Address-Seal", TestData.CLIENT_ADDRESS_SEAL.seal(client))
                .body(body).exchange();
    }

    public RestTestClient.ResponseSpec upload(String user, String applicationId, String kind, String fileName,
            byte[] content) {
        return upload(user, applicationId, kind, fileName, content, 1);
    }

    /** An upload whose request holds the same file part {@code copies} times. */
    public RestTestClient.ResponseSpec upload(String user, String applicationId, String kind, String fileName,
            byte[] content, int copies) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        for (int i = 0; i < copies; i++) {
            parts.part("file", new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            }).contentType(MediaType.APPLICATION_PDF);
        }
        return rest.post().uri(API + "/applications/" + applicationId + "/documents" + (kind == null ? "" : "?kind=" + kind))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .header("Authorization", "Bearer " + token(user)).exchange();
    }

    public static JsonNode json(RestTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** A user name of the realm, or "client:<id>" for a machine client. */
    public static String token(String user) {
        return user.startsWith("client:") ? Tokens.client(user.substring(7)) : Tokens.user(user);
    }

    public OffsetDateTime now() {
        return Times.now(clock);
    }

    /** An open batch of all four types: deadline in 30 days, 5 publicity days, pass mark 70, 3 experts. */
    public String batch() {
        return batch(List.of("GREEN_FACTORY", "GREEN_PARK", "GREEN_PRODUCT", "GREEN_SUPPLY_CHAIN"), now().plusDays(30));
    }

    public String batch(List<String> types, OffsetDateTime deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "测试批次 " + System.nanoTime() % 100000);
        body.put("year", now().getYear());
        body.put("types", types);
        body.put("opensAt", now().minusMinutes(1).toString());
        body.put("deadline", deadline.toString());
        body.put("publicityDays", 5);
        body.put("passMark", 70);
        body.put("minExperts", 3);
        String id = json(post("admin", "batches", body), HttpStatus.CREATED).get("id").asString();
        // tests submit many applications evaluated by the one demo body: the per-body cap is tested on its own
        put("admin", "batches/" + id + "/evaluation-cap", Map.of("cap", 1000)).expectStatus().isOk();
        return id;
    }

    /** The demo evaluator eval-a's body (TestData.BODY_A), registered in this test database if it is not yet. */
    public String bodyA() {
        return body(TestData.BODY_A, "宁夏节能低碳评价中心");
    }

    /** The demo evaluator eval-b's body (TestData.BODY_B). */
    public String bodyB() {
        return body(TestData.BODY_B, "宁夏绿色制造评价服务有限公司");
    }

    /** A registered body qualified for every type with this credit code (its id; registered now if it is not yet). */
    public String body(String creditCode, String name) {
        var response = post("admin", "evaluation-bodies", TestData.body(name, creditCode));
        var answer = response.returnResult(JsonNode.class);
        if (answer.getStatus().value() == 409) {
            return answer.getResponseBody().get("bodyId").asString();
        }
        assertThat(answer.getStatus().value()).as("registering body %s: %s", creditCode, answer.getResponseBody()).isEqualTo(201);
        return answer.getResponseBody().get("id").asString();
    }

    /** The enterprise names eval-a's body, eval-a confirms and uploads its report: ready to submit. */
    public void evaluated(String user, String id) {
        put(user, "applications/" + id + "/engagement", Map.of("bodyId", bodyA())).expectStatus().isOk();
        post("eval-a", "applications/" + id + "/engagement/confirmation", null).expectStatus().isOk();
        report("eval-a", id, TestData.factoryScores(), "86").expectStatus().isOk();
    }

    /** The body's evaluator uploads the report (a PDF) with these scores. */
    public RestTestClient.ResponseSpec report(String evaluator, String applicationId, Map<String, Object> scores,
            Object total) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(TestData.pdf("evaluation report " + applicationId)) {
            @Override
            public String getFilename() {
                return "第三方评价报告.pdf";
            }
        }).contentType(MediaType.APPLICATION_PDF);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportNumber", "NXJN-2026-" + applicationId.substring(0, 4));
        report.put("scores", scores);
        report.put("totalScore", total);
        parts.part("report", report).contentType(MediaType.APPLICATION_JSON);
        return rest.post().uri(API + "/applications/" + applicationId + "/engagement/report")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .header("Authorization", "Bearer " + token(evaluator)).exchange();
    }

    public String draft(String user, String batchId, String region) {
        return json(post(user, "applications", TestData.factory(batchId, region)), HttpStatus.CREATED).get("id").asString();
    }

    /** A complete application evaluated by eval-a's body (confirmed, report uploaded), submitted: now in MUNICIPAL_REVIEW. */
    public String submitted(String user, String batchId, String region) {
        String id = draft(user, batchId, region);
        evaluated(user, id);
        JsonNode app = json(post(user, "applications/" + id + "/submit", Map.of()), HttpStatus.OK);
        assertThat(app.get("state").asString()).isEqualTo("MUNICIPAL_REVIEW");
        return id;
    }

    public JsonNode decide(String reviewer, String id, String decision, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (comment != null) {
            body.put("comment", comment);
        }
        return json(post(reviewer, "applications/" + id + "/reviews", body), HttpStatus.CREATED);
    }

    /** Through municipal (rev-city / rev-city2 by region) and provincial approval: now in EXPERT_REVIEW. */
    public String inExpertReview(String user, String batchId, String region) {
        String id = submitted(user, batchId, region);
        decide(region.startsWith("6401") ? "rev-city" : "rev-city2", id, "APPROVE", "材料齐全，同意上报");
        decide("rev-prov", id, "APPROVE", "复核通过，提交专家评审");
        return id;
    }

    public void assign(String id, String... experts) {
        post("rev-prov", "applications/" + id + "/expert-assignments", Map.of("experts", List.of(experts)))
                .expectStatus().isCreated();
    }

    public RestTestClient.ResponseSpec score(String expert, String id, Object score) {
        return post(expert, "applications/" + id + "/scores", Map.of("score", score, "comment", "评审意见：" + score));
    }

    /** Experts 1-3 score: in PUBLICITY afterwards if the mean reaches 70. */
    public String inPublicity(String user, String batchId, String region) {
        String id = inExpertReview(user, batchId, region);
        assign(id, "expert1", "expert2", "expert3");
        score("expert1", id, 80).expectStatus().isCreated();
        score("expert2", id, 75).expectStatus().isCreated();
        score("expert3", id, 90).expectStatus().isCreated();
        assertThat(state(id)).isEqualTo("PUBLICITY");
        return id;
    }

    public JsonNode application(String user, String id) {
        return json(get(user, "applications/" + id), HttpStatus.OK).get("application");
    }

    public String state(String id) {
        return application("admin", id).get("state").asString();
    }

    /** Moves the service's clock past a 5-day publicity (and sweeps at once). */
    public JsonNode advance(Duration by) {
        return json(post("admin", "dev/clock", Map.of("by", by.toString())), HttpStatus.OK);
    }

    /** Waits (up to 10 s) until the approved application carries its registry listing. */
    public JsonNode awaitListing(String user, String id) throws InterruptedException {
        return Waiting.atMost(Duration.ofSeconds(10), "application " + id + " gets its listing")
                .until(() -> application(user, id), app -> app.hasNonNull("listingId"));
    }
}
