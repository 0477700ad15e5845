package io.greenportal.gateway.security;

import java.net.URI;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The login state and the page to return to after login live in the browser's web session. Only a
 * request that carries the session cookie can have one, so the session store (Redis) is consulted
 * only then: scripts, banks and the anonymous public never cost a session look-up (or the creation
 * of a throw-away session) on their requests.
 */
final class BrowserSessions {

    static final String COOKIE = "SESSION";

    private BrowserSessions() {
    }

    static boolean hasSession(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(COOKIE);
    }

    static ServerSecurityContextRepository securityContexts() {
        var sessions = new WebSessionServerSecurityContextRepository();
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return sessions.save(exchange, context);
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return hasSession(exchange) ? sessions.load(exchange) : Mono.empty();
            }
        };
    }

    static ServerRequestCache savedRequests() {
        var sessions = new WebSessionServerRequestCache();
        return new ServerRequestCache() {
            @Override
            public Mono<Void> saveRequest(ServerWebExchange exchange) {
                return sessions.saveRequest(exchange);
            }

            @Override
            public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
                return hasSession(exchange) ? sessions.getRedirectUri(exchange) : Mono.empty();
            }

            @Override
            public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
                return hasSession(exchange) ? sessions.removeMatchingRequest(exchange) : Mono.empty();
            }
        };
    }
}
