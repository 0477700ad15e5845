package io.greenportal.gateway.security;

import io.greenportal.gateway.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * CORS before anything else, for every path: public reads skip the security chain, so CORS cannot
 * live inside it. A cross-origin request from an origin not allowed is a {@code 403} problem
 * detail (Spring's CorsWebFilter answers it with an empty body).
 */
final class CorsFilter implements WebFilter, Ordered {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    CorsFilter(CorsConfigurationSource source) {
        this.source = source;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // after the request id and the UTF-8 check
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "cors-rejected",
                    "Cross-origin requests from this origin, or with this method or these headers, are not allowed");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }
}
