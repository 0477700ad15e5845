package io.greenportal.site.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portal's REST API as the demo users (tokens from Keycloak's dev-only portal-cli client). */
public final class PortalApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build(); // no h2c upgrade dance holding concurrent requests back
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public record Answer(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer send(String user, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningPortal.API + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!"anonymous".equals(user)) {
            request.header("Authorization", "Bearer " + token(user));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /** A JSON call that must answer {@code expected}; its body as JSON (null when empty). */
    public JsonNode call(String user, String method, String path, String json, int expected) {
        Answer answer = send(user, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        if (answer.status() != expected) {
            throw new AssertionError(method + " " + path + " as " + user + ": expected " + expected + ", got "
                    + answer.status() + " " + answer.body());
        }
        return answer.body().isEmpty() ? null : answer.json();
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            String form = "grant_type=password&client_id=portal-cli&username=" + URLEncoder.encode(u, StandardCharsets.UTF_8)
                    + "&password=greenportal-dev";
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(RunningPortal.KEYCLOAK + "/realms/greenportal/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("no token for " + u + ": " + response.body());
                }
                return JSON.readTree(response.body()).get("access_token").asString();
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Keycloak not reachable: " + e, e);
            }
        });
    }
}
