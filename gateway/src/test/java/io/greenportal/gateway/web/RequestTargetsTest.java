package io.greenportal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What scripts and curl send: request targets with raw (unencoded) UTF-8 and characters URLs do not
 * allow, escapes that are not UTF-8, paths nothing is served at. The gateway in-process (real Netty)
 * in front of the running services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"greenportal.rate-limits.enabled=false",
        "greenportal.gateway.public-base-url=" + RequestTargetsTest.PUBLIC_BASE_URL})
@AutoConfigureWebTestClient
class RequestTargetsTest {

    static final String PUBLIC_BASE_URL = "https://portal.example.gov.cn";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    WebTestClient web;

    static final JsonMapper json = JsonMapper.builder().build();

    record Raw(int status, String contentType, String body, String head) {
        JsonNode json() {
            return RequestTargetsTest.json.readTree(body);
        }
    }

    /** Sends the request line exactly as given, its characters as UTF-8 bytes, as curl does. */
    Raw raw(String target) throws IOException {
        return rawRequest("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** Sends the request exactly as given (request line, headers, blank line, any body), as UTF-8 bytes. */
    Raw rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            byte[] response = socket.getInputStream().readAllBytes();
            int headersEnd = find(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String head = new String(response, 0, headersEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            String contentType = head.lines().filter(l -> l.startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            byte[] body = java.util.Arrays.copyOfRange(response, headersEnd + 4, response.length);
            if (head.contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(head.substring(9, 12)), contentType, new String(body, StandardCharsets.UTF_8), head);
        }
    }

    static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = {'\r', '\n'};
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = find(chunked, crlf, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    static int find(byte[] bytes, byte[] what, int from) {
        outer:
        for (int i = from; i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("incomplete HTTP response");
    }

    long encodedTotal(String encodedQuery) {
        return web.get().uri(URI.create("http://127.0.0.1:" + port + "/api/v1/public/listings?status=ALL&q=" + encodedQuery)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("total").asLong();
    }

    @Test
    void aRawChineseQueryFindsWhatTheEncodedOneFinds() throws IOException {
        long encoded = encodedTotal("%E5%85%AC%E5%8F%B8"); // 公司: in nearly every enterprise name
        assertThat(encoded).as("listings named 公司 in the index").isPositive();
        Raw raw = raw("/api/v1/public/listings?status=ALL&q=公司");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().get("total").asLong()).isEqualTo(encoded);

        // bytes that once made the request line unparsable (an empty 400 before any filter)
        Raw datong = raw("/api/v1/public/listings?q=大同");
        assertThat(datong.status()).isEqualTo(200);
        assertThat(datong.contentType()).startsWith("application/json");
    }

    @Test
    void charactersUrlsDoNotAllowAndStrayPercentSignsAreSearchedAsText() throws IOException {
        for (String q : new String[] {"a|b", "a{b}", "a\"b", "a^b", "a`b", "a\\b", "a<b>", "%zz", "100%", "%"}) {
            Raw answer = raw("/api/v1/public/listings?q=" + q);
            assertThat(answer.status()).as(q).isEqualTo(200);
            assertThat(answer.json().get("total").asLong()).as(q).isNotNegative();
        }
    }

    @Test
    void escapesThatAreNotUtf8AreRefusedNamingTheParameter() throws IOException {
        for (String q : new String[] {"%E6%B0", "%C0%AF", "%FF", "abc%E6"}) {
            Raw answer = raw("/api/v1/public/listings?size=5&q=" + q);
            assertThat(answer.status()).as(q).isEqualTo(400);
            assertThat(answer.contentType()).as(q).startsWith("application/problem+json");
            assertThat(answer.json().get("field").asString()).as(q).isEqualTo("q");
        }
        Raw path = raw("/api/v1/public/listings/%E6%B0");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.json().get("field").asString()).isEqualTo("path");
    }

    @Test
    void aBrokenLinkToTheSiteIsAChinesePageNotJson() throws IOException {
        for (String target : new String[] {"/search?q=%FF", "/search?q=%E6%B0", "/listings/%E6%B0",
                "/listings/%2e%2e%2f%2e%2e%2factuator", "/publicity/a%00b"}) {
            Raw answer = raw(target);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.contentType()).as(target).startsWith("text/html");
            assertThat(answer.body()).as(target).contains("lang=\"zh-CN\"").contains("链接无效").contains("href=\"/\"");
            assertThat(answer.head()).as(target).containsIgnoringCase("content-security-policy: default-src 'none'")
                    .containsIgnoringCase("x-content-type-options: nosniff");
        }
        // the API's refusals stay problem details
        for (String target : new String[] {"/api/v1/public/listings/%2e%2e%2f%2e%2e%2factuator", "/api/v1/public/listings/%00",
                "/api/v1/public/listings/a;x=1", "/api/v1/public//listings"}) {
            Raw answer = raw(target);
            assertProblem(answer, 400, "rejected-request");
            assertThat(answer.json().get("field").asString()).as(target).isEqualTo("path");
        }
    }

    @Test
    void pathsNothingIsServedAtAreProblemDetails() throws IOException {
        for (String path : new String[] {"/api/v1/foo", "/api/v1/registryx", "/api/v2/public/listings", "/api/nothing"}) {
            Raw answer = raw(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).as(path).endsWith("/not-found");
        }
    }

    static void assertProblem(Raw answer, int status, String type) {
        assertThat(answer.status()).as(answer.head()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.head()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("https://greenportal.io/problems/" + type);
        assertThat(answer.body()).doesNotContain("Exception", "java.", "io.netty", "reactor.");
        // a refusal anyone can provoke is data a browser neither runs, frames nor sniffs
        assertThat(answer.head()).as(answer.head()).contains("content-security-policy: default-src 'none'; frame-ancestors 'none'")
                .contains("referrer-policy: same-origin").contains("x-frame-options: deny")
                .contains("x-content-type-options: nosniff");
    }

    @Test
    void theGatewaysOwnRefusalsOfOversizedRequestsAreProblemDetails() throws IOException {
        // over the decoder's hard limits (8 KB): refused on the connection, before Spring
        assertProblem(raw("/api/v1/public/listings?q=" + "a".repeat(9000)), 414, "uri-too-long");
        assertProblem(rawRequest("GET /api/v1/public/listings HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(9000)
                + "\r\n\r\n"), 431, "headers-too-large");
        // within them but over what a service takes: refused naming the parameter or the headers
        Raw longQuery = raw("/api/v1/public/listings?size=5&q=" + "a".repeat(3000));
        assertProblem(longQuery, 414, "uri-too-long");
        assertThat(longQuery.json().get("field").asString()).isEqualTo("q");
        Raw bigHead = rawRequest("GET /api/v1/registry/listings HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Big: "
                + "b".repeat(6000) + "\r\n\r\n");
        assertProblem(bigHead, 431, "headers-too-large");
        // (the same head to the registry itself was Tomcat's HTML 400)
        assertProblem(rawRequest("GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"), 400, "malformed-request");
        assertProblem(rawRequest("POST /api/v1/public/listings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1x\r\n\r\n"),
                400, "malformed-request");
    }

    @Test
    void absoluteUrlsNameTheConfiguredOriginWhateverTheHostHeader() throws IOException {
        Raw login = rawRequest("GET /oauth2/authorization/keycloak HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n");
        assertThat(login.status()).isEqualTo(302);
        String location = login.head().lines().filter(l -> l.startsWith("location:")).findFirst().orElseThrow();
        assertThat(java.net.URLDecoder.decode(location, StandardCharsets.UTF_8))
                .contains("redirect_uri=" + PUBLIC_BASE_URL + "/login/oauth2/code/keycloak").doesNotContain("evil");

        // the services build their links from what the gateway tells them: the configured origin
        Raw docs = rawRequest("GET /v3/api-docs/registry HTTP/1.1\r\nHost: evil.example.com\r\nX-Forwarded-Host: evil2.example.com\r\n"
                + "Forwarded: host=evil3.example.com;proto=http\r\nX-Forwarded-Prefix: /evil\r\nConnection: close\r\n\r\n");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("servers").get(0).get("url").asString()).isEqualTo(PUBLIC_BASE_URL);
        assertThat(docs.body()).doesNotContain("evil");
    }

    @Test
    void anHttp11RequestCarriesExactlyOneHost() throws IOException {
        // RFC 9112, 3.2 (the services refuse both; the gateway passed them on with a 200)
        Raw none = rawRequest("GET /api/v1/public/listings?size=1 HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertProblem(none, 400, "invalid-host");
        assertThat(none.json().get("field").asString()).isEqualTo("Host");
        assertProblem(rawRequest("GET /api/v1/public/listings?size=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example.com\r\n"
                + "Connection: close\r\n\r\n"), 400, "invalid-host");
        assertProblem(rawRequest("GET /api/v1/public/listings?size=1 HTTP/1.1\r\nHost: 127.0.0.1, evil.example.com\r\n"
                + "Connection: close\r\n\r\n"), 400, "invalid-host");
        // HTTP/1.0 had no Host; one Host is what every client sends
        assertThat(rawRequest("GET /api/v1/public/listings?size=1 HTTP/1.0\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw("/api/v1/public/listings?size=1").status()).isEqualTo(200);
    }

    @Test
    void aBodyThatSaysItIsCompressedIsRefusedNotReadAsPlain() throws IOException {
        String json = "{\"uscc\":\"x\"}";
        for (String coding : new String[] {"gzip", "br", "identity, gzip"}) {
            Raw answer = rawRequest("POST /api/v1/certification/batches HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Encoding: " + coding + "\r\nContent-Length: " + json.length()
                    + "\r\nConnection: close\r\n\r\n" + json);
            assertProblem(answer, 415, "unsupported-content-encoding");
            assertThat(answer.json().get("field").asString()).isEqualTo("Content-Encoding");
            assertThat(answer.head()).contains("accept-encoding: identity");
        }
        Raw chunks = rawRequest("POST /api/v1/certification/batches HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n");
        assertProblem(chunks, 400, "unsupported-transfer-coding");
        assertThat(chunks.json().get("field").asString()).isEqualTo("Transfer-Encoding");
        // identity is no coding at all: the request goes on (to the security check: no token here)
        assertThat(rawRequest("POST /api/v1/certification/batches HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Encoding: identity\r\nContent-Length: " + json.length()
                + "\r\nConnection: close\r\n\r\n" + json).status()).isEqualTo(401);
    }

    @Test
    void noFallbackOrActuatorOnThePublicPort() throws IOException {
        for (String path : new String[] {"/fallback/registry", "/fallback/certification", "/actuator/prometheus", "/actuator/info",
                "/actuator/health", "/actuator/env"}) {
            assertProblem(raw(path), 404, "not-found");
        }
        String metrics = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(metrics).contains("http_server_requests");
    }

    @Test
    void aHostHeaderNettyCannotReadIsAProblemNamingIt() throws IOException {
        // Reactor Netty answered the first three with an empty 400, and let the others through to the services
        for (String host : new String[] {"[::1", "portal.example.gov.cn:abc", "[::1]x", "evil.example.com/x@y", "a b",
                "<x>", "u@evil.example.com", "portal.example.gov.cn:99999", "portal\u00e9.cn"}) {
            Raw answer = rawRequest("GET /api/v1/public/listings HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertProblem(answer, 400, "invalid-host");
            assertThat(answer.json().get("field").asString()).as(host).isEqualTo("Host");
        }
        for (String host : new String[] {"[::1]:8080", "portal.example.gov.cn", "127.0.0.1:8080", "xn--fiq228c.cn"}) {
            assertThat(rawRequest("GET /api/v1/public/listings HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void refusalsOfTheSecurityChainAndCorsAreProblemDetails() throws IOException {
        // a write with a session cookie but no CSRF token (was a text/plain "Access Denied")
        assertProblem(rawRequest("POST /api/v1/registry/listings HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: SESSION=abc\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), 403, "csrf-token-missing");
        // a cross-origin call from an origin not allowed (was an empty 403)
        assertProblem(rawRequest("OPTIONS /api/v1/registry/listings HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example.com\r\n"
                + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n"), 403, "cors-rejected");
    }

    @Test
    void healthShowsEachComponentsStatusToAnyoneAndItsDetailsOnlyToAdministrators() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        JsonNode anonymous = web.get().uri("/actuator/health").exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(anonymous.get("components").get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.toString()).doesNotContain("details", "version", "path");

        JsonNode admin = web.get().uri("/actuator/health").header("Authorization", "Bearer " + Tokens.user("admin"))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(admin.get("components").get("redis").get("details").get("version").asString()).isNotBlank();
    }
}
