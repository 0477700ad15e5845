package io.greenportal.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.platform.test.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
}
