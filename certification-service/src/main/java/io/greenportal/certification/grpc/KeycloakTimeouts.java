package io.greenportal.certification.grpc;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * Every call to Keycloak has a time limit: 2 s to connect, 5 s for the answer. Spring Security's own
 * clients (the client-credentials token, the resource server's key set) have none unless given one.
 */
@Configuration(proxyBeanMethods = false)
public class KeycloakTimeouts {

    static final Duration CONNECT = Duration.ofSeconds(2);
    static final Duration READ = Duration.ofSeconds(5);

    public static JdkClientHttpRequestFactory requestFactory() {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(CONNECT).build());
        factory.setReadTimeout(READ);
        return factory;
    }

    /** The resource server's discovery and key-set requests. */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer keySetTimeouts() {
        return builder -> builder.restOperations(new RestTemplate(requestFactory()));
    }
}
