package io.greenportal.publicity.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Anonymous reads of the public API, parsed. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient rest;

    public Api(RestTestClient rest) {
        this.rest = rest;
    }

    /** GET a public path (with query variables expanded and encoded) expecting 200 JSON. */
    public JsonNode get(String uri, Object... variables) {
        String body = rest.get().uri(uri, variables).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    public static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    public static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    public static JsonNode item(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asString())) {
                return item;
            }
        }
        return null;
    }

    public static long facet(JsonNode page, String facet, String value) {
        for (JsonNode bucket : page.path("facets").path(facet)) {
            if (value.equals(bucket.path("value").asString())) {
                return bucket.path("count").asLong();
            }
        }
        return 0;
    }
}
