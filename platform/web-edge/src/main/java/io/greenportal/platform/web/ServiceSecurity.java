package io.greenportal.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every service shares: an OAuth2 resource server (Keycloak JWT: issuer, signature,
 * expiry, audience; realm roles from keycloak-roles), stateless, no CSRF (no cookies), {@code /error}
 * open (otherwise a refused token hides its cause), and 401/403 as the portal's problem details. The
 * service's {@link EndpointRules} come first; anything they leave open needs a valid token.
 */
final class ServiceSecurity {

    static final String UNAUTHENTICATED = "A valid bearer token from the portal's Keycloak realm is required";
    static final String FORBIDDEN = "Your role does not allow this";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private ServiceSecurity() {
    }

    /**
     * {@code issuer}: the Keycloak realm, named as the authorization server in the service's
     * protected-resource metadata (RFC 9728), which every 401 points to. Spring's default claims
     * certificate-bound tokens, which Keycloak does not issue here.
     */
    static SecurityFilterChain build(HttpSecurity http, Iterable<EndpointRules> rules, String issuer) throws Exception {
        var entryPoint = new BearerTokenAuthenticationEntryPoint();
        var deniedHandler = new BearerTokenAccessDeniedHandler();
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/error").permitAll();
                    rules.forEach(r -> r.configure(auth));
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(new SingleBearerToken())
                        .jwt(Customizer.withDefaults())
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(m -> {
                            m.tlsClientCertificateBoundAccessTokens(false);
                            if (!issuer.isBlank()) {
                                m.authorizationServer(issuer);
                            }
                        }))
                        .authenticationEntryPoint((request, response, e) -> {
                            entryPoint.commence(request, response, e);
                            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", null, UNAUTHENTICATED);
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            deniedHandler.handle(request, response, e);
                            Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", null, FORBIDDEN);
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // the answers are data, never pages: nothing in them may load, run or be framed (a feed, an
                // export or a PDF opened in a browser included), and no address leaks as a referrer
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
