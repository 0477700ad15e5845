package io.greenportal.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;

/**
 * CORS before anything else, for every path: public reads skip the security chain, so CORS cannot
 * live inside it.
 */
final class CorsFilter extends CorsWebFilter implements Ordered {

    CorsFilter(CorsConfigurationSource source) {
        super(source);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // after the request id and the UTF-8 check
    }
}
