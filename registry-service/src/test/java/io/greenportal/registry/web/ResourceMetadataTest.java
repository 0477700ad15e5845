package io.greenportal.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request without a token is told where to learn how to get one (RFC 9728, web-edge's security):
 * the metadata names the portal's Keycloak realm, and claims no certificate-bound tokens.
 */
@IntegrationTest
class ResourceMetadataTest {

    @Autowired
    RestTestClient rest;

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    String issuer;

    @Test
    void aRefusalPointsToMetadataNamingTheRealm() {
        String challenge = rest.get().uri("/api/v1/registry/listings").exchange().expectStatus().isUnauthorized()
                .returnResult(String.class).getResponseHeaders().getFirst("WWW-Authenticate");
        assertThat(challenge).contains("resource_metadata=\"").contains("/.well-known/oauth-protected-resource\"");

        String body = rest.get().uri("/.well-known/oauth-protected-resource").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode metadata = JsonMapper.builder().build().readTree(body);
        assertThat(metadata.path("authorization_servers").toString()).isEqualTo("[\"" + issuer + "\"]");
        assertThat(metadata.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
        assertThat(metadata.path("tls_client_certificate_bound_access_tokens").asBoolean(false)).isFalse();
    }

    @Test
    void aRequestWithTwoAuthorizationHeadersIsRefusedEvenWhenBothAreValid(@LocalServerPort int port) throws IOException {
        String token = Tokens.user("admin");
        assertThat(statusLine(port, "Authorization: Bearer " + token + "\r\n")).contains(" 200 ");
        assertThat(statusLine(port, "Authorization: Bearer " + token + "\r\nAuthorization: Bearer " + Tokens.user("ent-a")
                + "\r\n")).contains(" 401 ");
    }

    /** Two header lines as sent on the wire (HTTP clients join repeated headers into one). */
    private static String statusLine(int port, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("GET /api/v1/registry/listings?size=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.lines().findFirst().orElse("");
        }
    }
}
