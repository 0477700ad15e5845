package io.greenportal.publicity.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.greenportal.platform.test.Tokens;
import io.greenportal.publicity.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write to a plan target leaves an audit record of who and when (the trigger of V3), refused
 * writes leave none, and only administrators read them: the way to tell whether a target changed
 * by someone's request or only its progress moved with the listings.
 */
@IntegrationTest
class TargetAuditTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> send(String caller, String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (caller != null) {
            request.header("Authorization", "Bearer " + (caller.startsWith("bank") ? Tokens.client(caller) : Tokens.user(caller)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String target(int cumulative) {
        return "{\"regionCode\":\"640500\",\"type\":\"GREEN_PARK\",\"level\":\"PROVINCIAL\",\"year\":2029,"
                + "\"cumulativeTarget\":" + cumulative + ",\"sourceDocument\":\"审计测试规划\"}";
    }

    List<String> actions(long id) throws Exception {
        var answer = send("admin", "GET", "/api/v1/public/targets/changes?target=" + id, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        for (JsonNode change : JSON.readTree(answer.body()).get("items")) {
            assertThat(change.get("at").asString()).endsWith("+08:00");
            actions.add(change.get("action").asString() + " by " + change.get("actor").asString());
        }
        return actions;
    }

    @Test
    void everyWriteToATargetIsRecordedWithWhoAndWhenAndRefusedWritesAreNot() throws Exception {
        var created = send("admin", "POST", "/api/v1/public/targets", target(12));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(actions(id)).containsExactly("CREATED by admin");

        for (String caller : List.of("ent-a", "rev-prov", "bank-a")) {
            assertThat(send(caller, "PUT", "/api/v1/public/targets/" + id, target(99)).statusCode()).isEqualTo(403);
            assertThat(send(caller, "DELETE", "/api/v1/public/targets/" + id, null).statusCode()).isEqualTo(403);
        }
        assertThat(send(null, "PUT", "/api/v1/public/targets/" + id, target(99)).statusCode()).isEqualTo(401);
        assertThat(send("admin", "PUT", "/api/v1/public/targets/" + id, target(-1)).statusCode()).isEqualTo(400);
        assertThat(actions(id)).as("refused writes leave no record").containsExactly("CREATED by admin");

        assertThat(send("admin", "PUT", "/api/v1/public/targets/" + id, target(15)).statusCode()).isEqualTo(200);
        // a writer outside the API (a hand-run statement) is recorded too, as the database user
        jdbc.sql("update plan_target set note = 'hand-edited' where id = :id").param("id", id).update();
        assertThat(send("admin", "DELETE", "/api/v1/public/targets/" + id, null).statusCode()).isEqualTo(204);

        String databaseUser = jdbc.sql("select session_user").query(String.class).single();
        assertThat(actions(id)).containsExactly("REMOVED by admin", "CHANGED by " + databaseUser, "CHANGED by admin",
                "CREATED by admin");
        JsonNode newest = JSON.readTree(send("admin", "GET", "/api/v1/public/targets/changes?target=" + id, null).body())
                .get("items");
        assertThat(newest.get(2).get("before").get("cumulativeTarget").asInt()).isEqualTo(12);
        assertThat(newest.get(2).get("after").get("cumulativeTarget").asInt()).isEqualTo(15);
        // the target as the API shows it, never the row's bookkeeping
        assertThat(newest.get(2).get("after").propertyNames()).contains("regionCode", "type", "year", "updatedBy")
                .allMatch(name -> name.matches("[a-z][A-Za-z]*")).doesNotContain("idempotencyKey", "idempotencyFingerprint");

        assertThat(send("ent-a", "GET", "/api/v1/public/targets/changes", null).statusCode()).isEqualTo(403);
        assertThat(send(null, "GET", "/api/v1/public/targets/changes", null).statusCode()).isEqualTo(401);
        assertThat(send("admin", "GET", "/api/v1/public/targets/changes?target=x", null).statusCode()).isEqualTo(400);
    }
}
