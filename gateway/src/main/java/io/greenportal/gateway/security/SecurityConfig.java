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
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import reactor.core.publisher.Mono;

/**
 * Two kinds of callers share one chain. Machines send a bearer token: it is validated here (issuer,
 * signature, expiry, audience) so bad tokens stop at the door, then passed through unchanged.
 * Browsers log in with Keycloak (session in Redis): their access token is relayed to the services,
 * and their state-changing requests need a CSRF token. Authorization itself is decided by each
 * service, which checks every token again.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
        var apiUnauthorized = new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                new PathPatternParserServerWebExchangeMatcher("/api/**"), new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED));
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(apiUnauthorized);
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/keycloak"));

        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
                                "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/fallback/**", "/",
                                "/favicon.ico").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(Customizer.withDefaults())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::browserSessionWrite))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess));
        return http.build();
    }

    /**
     * CSRF protects what a browser session can be tricked into doing: state-changing requests that
     * carry the session cookie. Bearer-token and cookie-less requests (scripts, the anonymous public)
     * cannot be forged that way.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> browserSessionWrite(
            org.springframework.web.server.ServerWebExchange exchange) {
        var request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE;
        boolean bearer = request.getHeaders().getFirst("Authorization") != null;
        boolean session = request.getCookies().containsKey("SESSION");
        return !safe && !bearer && session ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
