package io.greenportal.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.greenportal.gateway.ratelimit.RateLimitFilter;
import io.greenportal.gateway.ratelimit.RateLimitProperties;
import io.greenportal.gateway.support.PortalClient;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing a client can send may produce a 500, a refusal that is not a problem detail, or an answer
 * that shows the server's internals:
 * <ul>
 * <li>every operation of every service's OpenAPI document, called by an administrator and an
 * enterprise with hostile path segments, query values and bodies;</li>
 * <li>every route with a rate limit of its own, spelled every way that reaches the same handler
 * (percent-encoded characters, dot segments, doubled slashes, path parameters): each spelling is
 * charged to the route's bucket, or refused before routing;</li>
 * <li>the gateway's own refusals of oversized and stalled requests (414, 431, 413, 408).</li>
 * </ul>
 * All run against the gateway under test, in-process (real Netty, rate limits on, in a Redis
 * namespace of its own), in front of the running portal's services.
 * Each error must be {@code application/problem+json} with a {@code type}, and no answer may name a
 * Java type, an object address or SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.namespace=gp-test-hostile"})
class HostileInputTest {

    static final List<String> SERVICES = List.of("registry", "certification", "incentive", "publicity");
    static final List<String> PATH_VALUES = List.of("..%2F..%2Fetc%2Fpasswd", "00000000-0000-0000-0000-000000000000",
            "99999999999999999999999", "%E6%B0%B4%00", "%27%20OR%201%3D1--", "a".repeat(300));
    static final List<String> QUERY_VALUES = List.of("-1", "99999999999999999999", "%E2%80%AE%F0%9F%92%A9",
            "%3Cscript%3E", "2026-02-30", "*:*", URLEncoder.encode("\" OR 1=1; DROP TABLE listing;--", StandardCharsets.UTF_8));
    static final List<String> BODIES = List.of("{", "[]", "null", "{\"a\":1}", "\"x\"", "{\"amount\":1e400,\"year\":-1}",
            "{\"type\":{\"$gt\":\"\"},\"uscc\":[1,2,3]}", "{\"name\":\"" + "长".repeat(5000) + "\"}");

    /** What an answer must never show: Java and library type names, object addresses, SQL states. */
    static final Pattern INTERNALS = Pattern.compile("\\b(?:java|javax|jakarta|sun|org\\.springframework|org\\.postgresql"
            + "|org\\.hibernate|io\\.netty|reactor\\.|com\\.fasterxml|tools\\.jackson|io\\.greenportal|io\\.grpc)\\.[A-Za-z_$][\\w.$]*"
            + "|\\[L[\\w.$]+;@[0-9a-f]+|\\b\\w+(?:Exception|Error)\\b(?=[:\\s\"]|$)|SQLSTATE|\\bat [\\w.$]+\\([\\w]+\\.java:\\d+\\)");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RateLimitProperties limits;

    PortalClient portal;

    @BeforeEach
    void gatewayUnderTest() {
        portal = new PortalClient("http://127.0.0.1:" + port);
    }

    /** Why an answer is not acceptable, or null when it is. */
    static String unacceptable(int status, String contentType, String body, boolean page) {
        if (status >= 500) {
            return "a server error";
        }
        if (body != null && INTERNALS.matcher(body).find()) {
            return "internals in the body: " + matched(body);
        }
        if (status >= 400 && !page) {
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                return "an error that is not a problem detail (" + (contentType.isEmpty() ? "no body" : contentType) + ")";
            }
            try {
                JsonNode problem = JSON.readTree(body);
                if (!problem.path("type").isString() || problem.path("type").asString().isBlank()) {
                    return "a problem without a type";
                }
                if (problem.path("status").asInt() != status) {
                    return "a problem whose status is not the answer's";
                }
            } catch (RuntimeException e) {
                return "a problem that is not JSON";
            }
        }
        return null;
    }

    static String matched(String body) {
        var m = INTERNALS.matcher(body);
        return m.find() ? m.group() : "";
    }

    static String shorten(String body) {
        return body == null ? "" : body.substring(0, Math.min(200, body.length()));
    }

    /**
     * Known to fail today, and not for the gateway's refusals: in each of five runs (against the
     * gateway in-process and against the running portal's, main's code too) one request was not
     * answered within the client's 30 s, the one after a firewall-refused request under
     * /api/v1/public/targets on the same keep-alive connection (the gateway logged it 30 s late,
     * when the client gave up). Not reproduced in isolation with curl, Python or a bare HttpClient.
     */
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
                            String why = unacceptable(response.statusCode(),
                                    response.headers().firstValue("Content-Type").orElse(""), response.body(), false);
                            if (why != null) {
                                failures.add(upper + " " + path + query + " as " + caller + ": " + response.statusCode() + ", "
                                        + why + ": " + shorten(response.body()));
                            }
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    /** Spellings of a path that the route and the application take for the same path. */
    static Set<String> spellings(String path) {
        Set<String> out = new LinkedHashSet<>();
        out.add(path);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' || c == '-') {
                all.append(c);
                continue;
            }
            String hex = String.format("%02X", (int) c);
            all.append('%').append(hex);
            if (Character.isLetter(c)) { // every letter of the path, one at a time, in both cases of hex
                out.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
                out.add(path.substring(0, i) + "%" + hex.toLowerCase(Locale.ROOT) + path.substring(i + 1));
            }
        }
        out.add(all.toString());
        int last = path.lastIndexOf('/');
        out.add(path.substring(0, last) + "/" + path.substring(last));
        out.add(path.substring(0, last) + "/." + path.substring(last));
        out.add(path.substring(0, last) + "/%2e" + path.substring(last));
        out.add(path.substring(0, last) + "/x/.." + path.substring(last));
        out.add(path.substring(0, last) + ";v=1" + path.substring(last));
        out.add("/" + path);
        out.add(path + "/");
        out.add(path + ";v=1");
        return out;
    }

    @Test
    void everySpellingOfARateLimitedRouteIsChargedToItsBucket() {
        Map<String, Integer> cost = Map.of("objections", limits.objections().requestedTokens(),
                "batch-verification", limits.batchVerification().requestedTokens());
        List<String> failures = new ArrayList<>();
        int charged = 0;
        for (RateLimitFilter.RouteLimit route : RateLimitFilter.ROUTE_LIMITS) {
            String path = route.pattern().replace("*", "00000000-0000-4000-8000-000000000000");
            // callers of their own (the objection bucket is tight): a bank for its batch route, an expert otherwise
            String caller = route.bucket().equals("batch-verification") ? "bank-a" : "expert1";
            boolean page = !path.startsWith("/api/");
            for (String spelling : spellings(path)) {
                HttpResponse<String> response = portal.sendWithHeaders(caller, "POST", spelling, "{\"codes\":[]}", Map.of());
                String tokens = response.headers().firstValue("X-RateLimit-Requested-Tokens").orElse(null);
                String type = response.headers().firstValue("Content-Type").orElse("");
                // the firewall's refusal: a problem detail, or on the site's pages the gateway's Chinese page
                boolean refusedBeforeRouting = response.statusCode() == 400 && (type.startsWith("application/problem+json")
                        && response.body().contains("/problems/rejected-request")
                        || type.startsWith("text/html") && response.body().contains("网址中含有不允许的字符"));
                if (tokens != null) {
                    charged++;
                }
                if (!refusedBeforeRouting && !String.valueOf(cost.get(route.bucket())).equals(tokens)) {
                    failures.add("POST " + spelling + ": charged " + tokens + " tokens, not the " + route.bucket() + " bucket's "
                            + cost.get(route.bucket()) + " (" + response.statusCode() + ")");
                }
                String why = unacceptable(response.statusCode(), type, response.body(), page);
                if (why != null) {
                    failures.add("POST " + spelling + ": " + response.statusCode() + ", " + why + ": " + shorten(response.body()));
                }
            }
        }
        assertThat(charged).as("spellings that reached a bucket").isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    record Raw(int status, String contentType, String body, boolean closed) {
    }

    /** Sends bytes as given, then reads until the gateway closes the connection (or 25 s pass). */
    Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(25_000); // a stalled body is answered after the read time-out, 15 s
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closed;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException reset) {
                closed = true;
            }
            String all = text.toString();
            int end = all.indexOf("\r\n\r\n");
            assertThat(end).as("an answer to %s", request.lines().findFirst().orElse("")).isPositive();
            String head = all.substring(0, end).toLowerCase(Locale.ROOT);
            String contentType = head.lines().filter(l -> l.startsWith("content-type:")).map(l -> l.substring(13).trim())
                    .findFirst().orElse("");
            return new Raw(Integer.parseInt(head.substring(9, 12)), contentType, all.substring(end + 4), closed);
        }
    }

    void assertRefusal(Raw answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(unacceptable(answer.status(), answer.contentType(), answer.body(), false)).isNull();
        assertThat(JSON.readTree(answer.body()).get("type").asString()).isEqualTo("https://greenportal.io/problems/" + type);
    }

    @Test
    void theGatewaysOwnRefusalsAreProblemDetails() throws IOException {
        String host = "Host: 127.0.0.1\r\n";
        // 414: over the HTTP decoder's limit, and over what a service takes (naming the parameter)
        assertRefusal(raw("GET /api/v1/public/listings?q=" + "a".repeat(10_000) + " HTTP/1.1\r\n" + host + "\r\n"), 414, "uri-too-long");
        Raw longQuery = raw("GET /api/v1/public/listings?q=" + "a".repeat(3_000) + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        assertRefusal(longQuery, 414, "uri-too-long");
        assertThat(JSON.readTree(longQuery.body()).get("field").asString()).isEqualTo("q");
        // 431: over the decoder's limit, and over what a service takes
        assertRefusal(raw("GET /api/v1/public/listings HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(10_000) + "\r\n\r\n"),
                431, "headers-too-large");
        assertRefusal(raw("GET /api/v1/public/listings HTTP/1.1\r\n" + host + "Connection: close\r\nX-Big: " + "b".repeat(6_000)
                + "\r\n\r\n"), 431, "headers-too-large");
        // 413: a declared body over the cap, refused before it is read
        assertRefusal(raw("POST /api/v1/public/listings HTTP/1.1\r\n" + host + "Connection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{\"q\":"), 413, "too-large");
        // 408: a body that stops coming (to an operation that reads it: an administrator's program)
        Raw stalled = raw("POST /api/v1/incentives/programs HTTP/1.1\r\n" + host + "Authorization: Bearer "
                + PortalClient.token("admin") + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"code\":");
        assertRefusal(stalled, 408, "request-timeout");
        assertThat(stalled.closed()).isTrue();
        // 400: not HTTP/1.1
        assertRefusal(raw("GET / HTTP/7.0\r\n" + host + "\r\n"), 400, "malformed-request");
        // 404 and 405 of the gateway itself, and what used to be routable or public
        for (String path : new String[] {"/nothing-here", "/fallback/registry", "/actuator/prometheus", "/actuator/env"}) {
            assertRefusal(raw("GET " + path + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"), 404, "not-found");
        }
        assertRefusal(raw("DELETE /account HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"), 405, "method-not-allowed");
        // methods no one serves are 405 as well, never a 400 about characters in the path
        for (String method : new String[] {"TRACE", "PROPFIND", "BREW"}) {
            assertRefusal(raw(method + " /api/v1/public/listings HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"),
                    405, "method-not-allowed");
        }
    }
}
