package io.greenportal.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.greenportal.gateway.support.PortalClient;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Nothing a client can send may produce a 500. Every operation of every service's OpenAPI document
 * is called through the running gateway by an administrator and an enterprise with hostile path
 * segments, query values and bodies; every answer must be below 500 and, when it is an error, a
 * problem detail.
 */
class HostileInputTest {

    static final List<String> SERVICES = List.of("registry", "certification", "incentive", "publicity");
    static final List<String> PATH_VALUES = List.of("..%2F..%2Fetc%2Fpasswd", "00000000-0000-0000-0000-000000000000",
            "99999999999999999999999", "%E6%B0%B4%00", "%27%20OR%201%3D1--", "a".repeat(300));
    static final List<String> QUERY_VALUES = List.of("-1", "99999999999999999999", "%E2%80%AE%F0%9F%92%A9",
            "%3Cscript%3E", "2026-02-30", "*:*", URLEncoder.encode("\" OR 1=1; DROP TABLE listing;--", StandardCharsets.UTF_8));
    static final List<String> BODIES = List.of("{", "[]", "null", "{\"a\":1}", "\"x\"", "{\"amount\":1e400,\"year\":-1}",
            "{\"type\":{\"$gt\":\"\"},\"uscc\":[1,2,3]}", "{\"name\":\"" + "长".repeat(5000) + "\"}");

    final PortalClient portal = new PortalClient();

    @Test
    void noOperationAnswersAServerErrorToHostileInput() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (String service : SERVICES) {
            JsonNode paths = portal.getJson("anonymous", "/v3/api-docs/" + service).get("paths");
            for (String template : paths.propertyNames()) {
                JsonNode operations = paths.get(template);
                for (String method : operations.propertyNames()) {
                    if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        continue;
                    }
                    if (template.endsWith("/dev/clock") || template.endsWith("/admin/reindex")) {
                        continue; // moving the clock or rebuilding the index is not an input problem
                    }
                    List<String> queryNames = new ArrayList<>();
                    operations.get(method).path("parameters").forEach(p -> {
                        if ("query".equals(p.path("in").asString())) {
                            queryNames.add(p.get("name").asString());
                        }
                    });
                    for (String caller : List.of("admin", "ent-a")) {
                        for (int i = 0; i < PATH_VALUES.size(); i++) {
                            String path = template.replaceAll("\\{[^}]+}", PATH_VALUES.get(i));
                            StringBuilder query = new StringBuilder();
                            for (String name : queryNames) {
                                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                                        .append(QUERY_VALUES.get((i + name.length()) % QUERY_VALUES.size()));
                            }
                            String upper = method.toUpperCase();
                            var response = upper.equals("GET") || upper.equals("DELETE")
                                    ? portal.send(caller, upper, path + query, null)
                                    : portal.send(caller, upper, path + query, BODIES.get(i % BODIES.size()));
                            calls++;
                            if (response.statusCode() >= 500 || (response.statusCode() >= 400
                                    && !response.headers().firstValue("Content-Type").orElse("").contains("json"))) {
                                failures.add(upper + " " + path + query + " as " + caller + ": " + response.statusCode() + " "
                                        + response.body().substring(0, Math.min(200, response.body().length())));
                            }
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(500);
        assertThat(failures).isEmpty();
    }
}
