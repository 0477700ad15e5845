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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "greenportal.rate-limits.enabled=false")
@AutoConfigureWebTestClient
class RequestTargetsTest {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    static final JsonMapper json = JsonMapper.builder().build();

    record Raw(int status, String contentType, String body) {
        JsonNode json() {
            return RequestTargetsTest.json.readTree(body);
        }
    }

    /** Sends the request line exactly as given, its characters as UTF-8 bytes, as curl does. */
    Raw raw(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] response = socket.getInputStream().readAllBytes();
            int headersEnd = find(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String head = new String(response, 0, headersEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            String contentType = head.lines().filter(l -> l.startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            byte[] body = java.util.Arrays.copyOfRange(response, headersEnd + 4, response.length);
            if (head.contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(head.substring(9, 12)), contentType, new String(body, StandardCharsets.UTF_8));
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
    void pathsNothingIsServedAtAreProblemDetails() throws IOException {
        for (String path : new String[] {"/api/v1/foo", "/api/v1/registryx", "/api/v2/public/listings", "/api/nothing"}) {
            Raw answer = raw(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).as(path).endsWith("/not-found");
        }
    }

    @Test
    void healthShowsEachComponentsStatusToAnyoneAndItsDetailsOnlyToAdministrators() {
        JsonNode anonymous = web.get().uri("/actuator/health").exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(anonymous.get("components").get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.toString()).doesNotContain("details", "version", "path");

        JsonNode admin = web.get().uri("/actuator/health").header("Authorization", "Bearer " + Tokens.user("admin"))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(admin.get("components").get("redis").get("details").get("version").asString()).isNotBlank();
    }
}
