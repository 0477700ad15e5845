package io.greenportal.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.greenportal.gateway.web.PublicOrigin;

import reactor.core.publisher.Mono;

/**
 * The browsers' chain. (Machines that send a bearer token and no session cookie are checked by the
 * {@link BearerTokenGate} alone; the resource-server part below still serves a browser that also
 * sends a token.) Browsers log in with Keycloak (session in Redis): their access token is relayed to the services,
 * and their state-changing requests need a CSRF token. Authorization itself is decided by each
 * service, which checks every token again. Reads of the public showcase ({@link PublicReads}) and
 * requests whose bearer token the {@link BearerTokenGate} has verified bypass this chain.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
            @org.springframework.beans.factory.annotation.Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") String issuer,
            PublicOrigin publicOrigin) {
        var apiUnauthorized = new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                new PathPatternParserServerWebExchangeMatcher("/api/**"), SecurityConfig::unauthorized);
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(apiUnauthorized);
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/keycloak"));

        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        // back to the public site's home (the realm's registered post-logout address)
        // (the configured public address, never one built from the request's Host header)
        logoutSuccess.setPostLogoutRedirectUri(publicOrigin.url("/"));
        // after login: the page asked for before it, else the account page (the root is the public site)
        var loginSuccess = new RedirectServerAuthenticationSuccessHandler("/account");
        loginSuccess.setRequestCache(BrowserSessions.savedRequests());

        http.securityMatcher(new NegatedServerWebExchangeMatcher(new OrServerWebExchangeMatcher(new PublicReads(),
                        exchange -> BearerTokenGate.verified(exchange) ? ServerWebExchangeMatcher.MatchResult.match()
                                : ServerWebExchangeMatcher.MatchResult.notMatch())))
                // The gateway serves nothing that needs a login of its own: the API, its documentation,
                // the account page and the public site (whose one form post, an objection, is anonymous
                // by nature) are open here and each service decides. A path nothing is served at is a
                // 404 problem, not a login redirect. (Actuator is on the management port.)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(BrowserSessions.securityContexts())
                .requestCache(cache -> cache.requestCache(BrowserSessions.savedRequests()))
                .oauth2Login(login -> login.authenticationSuccessHandler(loginSuccess)
                        // back to the account page, which offers the login again (Spring's default, /login?error, is not served)
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/account?login=failed")))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(SecurityConfig::unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(SecurityConfig::forbidden))
                .csrf(csrf -> csrf
                        .accessDeniedHandler(SecurityConfig::csrfRefused)
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::browserSessionWrite))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                .cors(cors -> cors.disable()) // CorsFilter covers every path, public reads included
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        // "no-referrer" makes browsers send Origin: null on same-origin form posts (logout)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN))
                        .hsts(hsts -> hsts.disable())); // see HstsFilter: TLS usually ends at the ingress
        return http.build();
    }

    /**
     * The gateway serves only its account page and the API documentation; both load from itself. The
     * logout form ends in a redirect to Keycloak, which form-action must allow.
     */
    static String contentSecurityPolicy(String issuer) {
        java.net.URI uri = java.net.URI.create(issuer);
        String keycloak = uri.getScheme() + "://" + uri.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + keycloak
                + "; frame-ancestors 'none'";
    }

    /** Cross-origin calls only from the origins configured (none by default), on every path. */
    @Bean
    CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource) {
        return new CorsFilter(corsConfigurationSource);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @org.springframework.beans.factory.annotation.Value("${greenportal.gateway.cors-origins:}") java.util.List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins.stream().filter(o -> !o.isBlank()).toList());
        cors.setAllowedMethods(java.util.List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(java.util.List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id",
                "X-XSRF-TOKEN"));
        cors.setExposedHeaders(java.util.List.of("X-Request-Id", "Retry-After", "Location", "ETag"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * Browser users' access and refresh tokens live in their web session, which is in Redis: another
     * gateway instance, or this one after a restart, relays the same tokens. (The default keeps them
     * in this process's memory.)
     */
    @Bean
    org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** A missing, forged, expired or foreign token stops here, before any service is called. */
    static Mono<Void> unauthorized(org.springframework.web.server.ServerWebExchange exchange,
            org.springframework.security.core.AuthenticationException e) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer realm=\"greenportal\"");
        return io.greenportal.gateway.web.Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
                "unauthenticated", "A valid bearer token from the portal's Keycloak realm is required");
    }

    /** A refusal by the browsers' chain, as a problem detail (Spring's default is a text/plain "Access Denied"). */
    static Mono<Void> forbidden(org.springframework.web.server.ServerWebExchange exchange,
            org.springframework.security.access.AccessDeniedException e) {
        return io.greenportal.gateway.web.Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "forbidden",
                "This request is not allowed");
    }

    /** A state-changing request with the session cookie but without the CSRF token. */
    static Mono<Void> csrfRefused(org.springframework.web.server.ServerWebExchange exchange,
            org.springframework.security.access.AccessDeniedException e) {
        return io.greenportal.gateway.web.Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "csrf-token-missing",
                "A request that carries the session cookie needs the CSRF token: the X-XSRF-TOKEN header or the _csrf "
                        + "form field with the value of the XSRF-TOKEN cookie");
    }

    /**
     * CSRF protects what a browser session can be tricked into doing: state-changing requests that
     * carry the session cookie. Bearer-token and cookie-less requests (scripts, the anonymous public)
     * cannot be forged that way. Nor can a post to the public site: the site never acts with the
     * session (its route drops any relayed token) and checks its own double-submit token.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> browserSessionWrite(
            org.springframework.web.server.ServerWebExchange exchange) {
        var request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE;
        if (safe) { // most requests: decided without reading (and firewall-checking) headers and cookies
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        boolean bearer = request.getHeaders().containsHeader("Authorization");
        boolean session = BrowserSessions.hasSession(exchange);
        if (bearer || !session) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return PublicSite.MATCHER.matches(exchange).flatMap(site -> site.isMatch()
                ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match());
    }
}
