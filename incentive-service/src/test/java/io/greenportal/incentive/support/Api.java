package io.greenportal.incentive.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** Short REST calls with a bearer token (null: none) that return the body as JSON. */
public final class Api {

    public static final String BASE = "/api/v1/incentives";

    private final RestTestClient rest;

    public Api(RestTestClient rest) {
        this.rest = rest;
    }

    public RestTestClient.ResponseSpec get(String token, String path) {
        var request = rest.get().uri(BASE + path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    public RestTestClient.ResponseSpec post(String token, String path, Object body) {
        return send(rest.post(), token, path, body, null);
    }

    public RestTestClient.ResponseSpec post(String token, String path, Object body, String idempotencyKey) {
        return send(rest.post(), token, path, body, idempotencyKey);
    }

    public RestTestClient.ResponseSpec patch(String token, String path, Object body) {
        return send(rest.patch(), token, path, body, null);
    }

    public RestTestClient.ResponseSpec delete(String token, String path) {
        var request = rest.delete().uri(BASE + path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    private RestTestClient.ResponseSpec send(RestTestClient.RequestBodyUriSpec spec, String token, String path,
            Object body, String idempotencyKey) {
        var request = spec.uri(BASE + path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange();
    }

    public static JsonNode json(RestTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
