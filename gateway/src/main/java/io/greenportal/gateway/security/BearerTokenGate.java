package io.greenportal.gateway.security;

import java.util.List;

import io.greenportal.gateway.web.Problems;
import io.greenportal.platform.keycloak.RealmRoles;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Machines (banks, scripts) send a bearer token and no session cookie: the gateway's only job for
 * them is to stop a bad token at the door, which this does with the same decoder as the security
 * chain (signature, issuer, audience, expiry; remembered tokens are not verified again). A request
 * it lets through carries the token's principal (for per-caller rate limits) and skips the security
 * chain, which only browsers need (login, session, token relay, CSRF). Each service checks the
 * token again and decides what the caller may do.
 */
@Component
public class BearerTokenGate implements WebFilter, Ordered {

    /** Set on requests this gate has let through, so the security chain leaves them alone. */
    static final String VERIFIED = BearerTokenGate.class.getName() + ".verified";

    private final ReactiveJwtDecoder decoder;

    public BearerTokenGate(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public int getOrder() {
        return -150; // before the security chain (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> authorization = exchange.getRequest().getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || BrowserSessions.hasSession(exchange)) {
            return chain.filter(exchange); // anonymous or a browser: not for this gate
        }
        String token = authorization.size() == 1 ? bearer(authorization.getFirst()) : null;
        if (token == null) {
            return unauthorized(exchange, "A single 'Authorization: Bearer <token>' header is required");
        }
        return decoder.decode(token)
                // Nimbus reports keys it could not fetch (Keycloak down or silent past the time-out) this way
                .onErrorMap(IllegalStateException.class, e -> new JwtException("The realm's keys could not be fetched", e))
                .flatMap(jwt -> {
                    exchange.getAttributes().put(VERIFIED, Boolean.TRUE);
                    JwtAuthenticationToken principal = principal(jwt);
                    // the exchange's principal for the rate limits, the security context for actuator's role checks
                    return chain.filter(exchange.mutate().principal(Mono.just(principal)).build())
                            .contextWrite(ReactiveSecurityContextHolder.withAuthentication(principal));
                })
                .onErrorResume(BadJwtException.class, e -> unauthorized(exchange,
                        "A valid bearer token from the portal's Keycloak realm is required"))
                .onErrorResume(e -> e instanceof JwtException && !exchange.getResponse().isCommitted(), e -> {
                    // the realm's keys could not be fetched: the token may well be good
                    exchange.getResponse().getHeaders().set("Retry-After", "5");
                    return Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                            "Tokens cannot be verified right now; try again shortly");
                });
    }

    private static String bearer(String header) {
        if (header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() || token.indexOf(' ') >= 0 ? null : token;
    }

    private static JwtAuthenticationToken principal(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, RealmRoles.authorities(jwt), jwt.getClaimAsString(RealmRoles.PRINCIPAL_CLAIM));
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"greenportal\"");
        return Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
    }

    static boolean verified(ServerWebExchange exchange) {
        return Boolean.TRUE.equals(exchange.getAttribute(VERIFIED));
    }
}
