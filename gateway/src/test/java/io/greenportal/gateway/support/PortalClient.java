package io.greenportal.gateway.support;

import io.greenportal.platform.test.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running portal through its gateway as one of the demo callers, like a well-behaved
 * client: a 429 is waited out (Retry-After) and retried.
 */
public final class PortalClient {

    public static final java.util.Set<String> CLIENTS = java.util.Set.of("bank-a", "bank-b");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build(); // no h2c upgrade dance holding concurrent requests back
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    public PortalClient(String base) {
        this.base = base;
    }

    public PortalClient() {
        this(RunningPortal.GATEWAY);
    }

    public static String token(String caller) {
        if (caller == null || caller.equals("anonymous")) {
            return null;
        }
        return CLIENTS.contains(caller) ? Tokens.client(caller) : Tokens.user(caller);
    }

    public HttpResponse<String> send(String caller, String method, String path, String contentType, byte[] body) {
        return exchange(token(caller), method, path, contentType, body);
    }

    /** As {@link #send}, with extra request headers. */
    public HttpResponse<String> sendWithHeaders(String caller, String method, String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        String token = token(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON body with extra request headers (e.g. a W3C traceparent). */
    public HttpResponse<String> sendWithHeaders(String caller, String method, String path, String jsonBody,
            java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody)).header("Content-Type", "application/json");
        String token = token(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As a caller holding exactly this token (or none). */
    public HttpResponse<String> sendWithToken(String token, String method, String path) {
        boolean get = method.equals("GET");
        return exchange(token, method, path, get ? null : "application/json", get ? null : "{}".getBytes());
    }

    private HttpResponse<String> exchange(String token, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                // waits out short limits only: a long one is the answer (and tokens would expire meanwhile)
                if (response.statusCode() != 429 || attempt == 20 || wait > 10) {
                    return response;
                }
                Thread.sleep(Duration.ofSeconds(wait)); // kept: the portal said how long to wait (Retry-After); nothing to poll
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the portal is not answering at " + base + " (start it: ./portal up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(String caller, String method, String path, String jsonBody) {
        return send(caller, method, path, jsonBody == null ? null : "application/json",
                jsonBody == null ? null : jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public JsonNode getJson(String caller, String path) {
        HttpResponse<String> response = send(caller, "GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " as " + caller + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    public JsonNode json(String body) {
        return json.readTree(body);
    }
}
