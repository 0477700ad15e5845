package io.greenportal.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * HSTS on responses to HTTPS requests: TLS at the gateway itself, or at a trusted proxy (the
 * ingress) that says so in X-Forwarded-Proto. A client's own X-Forwarded-Proto is not trusted.
 */
@Component
public class HstsFilter implements WebFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean behindTrustedProxy;

    public HstsFilter(@Value("${greenportal.gateway.trusted-proxy-hops:0}") int trustedHops) {
        this.behindTrustedProxy = trustedHops > 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        boolean tls = request.getSslInfo() != null
                || (behindTrustedProxy && "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto")));
        if (tls) {
            exchange.getResponse().getHeaders().set("Strict-Transport-Security", HSTS);
        }
        return chain.filter(exchange);
    }
}
