package io.greenportal.platform.web;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Every call to Keycloak has a time limit: 2 s to connect, 5 s for the answer. Spring Security's own
 * clients (the resource server's key set, the client-credentials token) have none unless given one,
 * and a hung Keycloak must not hang every request that needs it. The web edge gives the key-set
 * client these limits; grpc-edge the token client; a service's own Keycloak calls use
 * {@link #requestFactory()}.
 */
public final class KeycloakTimeouts {

    public static final Duration CONNECT = Duration.ofSeconds(2);
    public static final Duration READ = Duration.ofSeconds(5);

    private KeycloakTimeouts() {
    }

    public static JdkClientHttpRequestFactory requestFactory() {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(CONNECT).build());
        factory.setReadTimeout(READ);
        return factory;
    }
}
