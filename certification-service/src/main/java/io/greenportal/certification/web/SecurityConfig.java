package io.greenportal.certification.web;

import io.greenportal.platform.web.EndpointRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Every request carries a Keycloak JWT (issuer, signature, expiry and audience checked; see
 * web-edge) except the endpoints listed here as public. Roles are enforced per endpoint with
 * {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String[] PUBLIC = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**"};

    /** Anyone may object to a candidate under publicity (公示); abuse is limited per client in the service. */
    static final String OBJECTION_INTAKE = "/api/v1/certification/applications/*/objections";

    /** The public list of evaluation bodies (active and sanctioned). */
    static final String PUBLIC_BODIES = "/api/v1/certification/public/evaluation-bodies";

    /**
     * The national platform's decision callbacks: it holds no Keycloak account; each callback is
     * authenticated by its HMAC signature in the service (national/NationalCallbackController).
     */
    static final String NATIONAL_CALLBACK = "/api/v1/certification/national/callbacks";

    @Bean
    EndpointRules publicEndpoints() {
        return requests -> requests
                .requestMatchers(PUBLIC).permitAll()
                .requestMatchers(HttpMethod.POST, OBJECTION_INTAKE).permitAll()
                .requestMatchers(HttpMethod.GET, PUBLIC_BODIES).permitAll()
                .requestMatchers(HttpMethod.POST, NATIONAL_CALLBACK).permitAll();
    }
}
