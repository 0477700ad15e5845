package io.greenportal.platform.grpc.client;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * This service's own access token (Keycloak client credentials of the client registration
 * {@code portal-service}), cached and renewed by Spring Security: for calls to other services and
 * to Keycloak's admin API.
 */
public class ServiceTokens {

    public static final String REGISTRATION = "portal-service";

    private final OAuth2AuthorizedClientManager clients;
    private final String principal;

    public ServiceTokens(OAuth2AuthorizedClientManager clients, String principal) {
        this.clients = clients;
        this.principal = principal;
    }

    public String token() {
        OAuth2AuthorizedClient client = clients.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(principal).build());
        if (client == null) {
            throw new IllegalStateException("Keycloak gave no token to " + principal);
        }
        return client.getAccessToken().getTokenValue();
    }
}
