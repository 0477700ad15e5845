package io.greenportal.publicity.web;

import io.greenportal.platform.web.EndpointRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The public reads under /api/v1/public are anonymous; everything else, including the writes under
 * that prefix (targets) and /api/v1/public/admin, carries a Keycloak JWT (issuer,
 * signature, expiry and audience checked; see web-edge), and roles are enforced per endpoint with
 * {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String[] PUBLIC = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**"};
    /** The public read side: search, notices, feeds, statistics, targets, export; anonymous. */
    static final String PUBLIC_READS = "/api/v1/public/**";
    /** Administration under the public prefix (index rebuilds); role checked per endpoint. */
    static final String ADMIN = "/api/v1/public/admin/**";
    /** Plan targets: anyone reads them, administrators write them (also checked per endpoint). */
    static final String[] TARGETS = {"/api/v1/public/targets", "/api/v1/public/targets/**"};

    @Bean
    EndpointRules publicEndpoints() {
        return requests -> requests
                .requestMatchers(PUBLIC).permitAll()
                .requestMatchers(ADMIN).authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/public/targets/changes").hasRole("admin")
                .requestMatchers(HttpMethod.POST, TARGETS).hasRole("admin")
                .requestMatchers(HttpMethod.PUT, TARGETS).hasRole("admin")
                .requestMatchers(HttpMethod.DELETE, TARGETS).hasRole("admin")
                // any other method on a public read is the dispatcher's 405 naming what is allowed, not a
                // 401 that would send an anonymous client looking for a token it does not need
                .requestMatchers(PUBLIC_READS).permitAll();
    }
}
