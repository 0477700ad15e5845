package io.greenportal.gateway.security;

import java.util.List;
import java.util.Map;

import io.greenportal.gateway.web.PublicOrigin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's OAuth 2.0 protected-resource metadata (RFC 9728) at its public origin, where every
 * 401 of the services points ({@code WWW-Authenticate: Bearer resource_metadata=...}): the resource
 * is the portal, its authorization server the Keycloak realm, tokens go in the Authorization header.
 * A bank's client finds from a refusal where to get its token.
 */
@RestController
class ProtectedResourceMetadata {

    static final String PATH = "/.well-known/oauth-protected-resource";

    private final Map<String, Object> metadata;

    ProtectedResourceMetadata(PublicOrigin origin,
            @Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") String issuer) {
        this.metadata = Map.of("resource", origin.origin(), "authorization_servers", List.of(issuer),
                "bearer_methods_supported", List.of("header"), "resource_name", "绿色制造公共服务平台 API",
                "resource_documentation", origin.url("/swagger-ui.html"));
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> metadata() {
        return metadata;
    }
}
