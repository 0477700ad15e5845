package io.greenportal.registry.web;

import io.greenportal.platform.web.EndpointRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request carries a Keycloak JWT (issuer, signature, expiry and audience checked; see
 * web-edge) except the endpoints listed here as public. Roles are enforced per endpoint with
 * {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String[] PUBLIC = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/api/v1/registry/reference/**",
            // verifiable credentials: the issuer's keys, the status lists and verification are for anyone
            "/.well-known/jwks.json", "/api/v1/registry/credentials/status/**",
            "/api/v1/registry/credentials/verification"};

    @Bean
    EndpointRules publicEndpoints() {
        return requests -> requests.requestMatchers(PUBLIC).permitAll();
    }
}
