package io.greenportal.publicity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public reads under /api/v1/public are anonymous (GET and HEAD); everything else, including
 * the writes under that prefix (targets) and /api/v1/public/admin, carries a Keycloak JWT (issuer,
 * signature, expiry and audience checked), and roles are enforced per endpoint with
 * {@code @PreAuthorize}.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    static final String[] PUBLIC = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/error"};
    /** The public read side: search, notices, feeds, statistics, targets, export; anonymous. */
    static final String PUBLIC_READS = "/api/v1/public/**";
    /** Administration under the public prefix (index rebuilds); role checked per endpoint. */
    static final String ADMIN = "/api/v1/public/admin/**";
    /** Plan targets: anyone reads them, administrators write them (also checked per endpoint). */
    static final String[] TARGETS = {"/api/v1/public/targets", "/api/v1/public/targets/**"};

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        var entryPoint = new BearerTokenAuthenticationEntryPoint();
        var deniedHandler = new BearerTokenAccessDeniedHandler();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(ADMIN).authenticated()
                        .requestMatchers(HttpMethod.POST, TARGETS).hasRole("admin")
                        .requestMatchers(HttpMethod.PUT, TARGETS).hasRole("admin")
                        .requestMatchers(HttpMethod.DELETE, TARGETS).hasRole("admin")
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((request, response, e) -> {
                            entryPoint.commence(request, response, e);
                            write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "A valid bearer token from the portal's Keycloak realm is required");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            deniedHandler.handle(request, response, e);
                            write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this");
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
