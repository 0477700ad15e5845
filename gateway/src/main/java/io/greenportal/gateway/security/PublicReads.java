package io.greenportal.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Reads of the public showcase (GET and HEAD under /api/v1/public, its admin paths excepted, and the
 * public site's pages): the bulk of the traffic on a publicity day. They need no login, no session,
 * no CSRF and no token relay, so they skip the gateway's security chain altogether; the publicity
 * service still refuses any token it is shown that is not valid, and answers these paths to anyone;
 * the site sets its own security headers.
 */
final class PublicReads implements ServerWebExchangeMatcher {

    private static final ServerWebExchangeMatcher PUBLIC = ServerWebExchangeMatchers.pathMatchers("/api/v1/public/**");
    private static final ServerWebExchangeMatcher ADMIN = ServerWebExchangeMatchers.pathMatchers("/api/v1/public/admin/**");

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return MatchResult.notMatch();
        }
        return PUBLIC.matches(exchange).flatMap(publicPath -> !publicPath.isMatch()
                ? PublicSite.MATCHER.matches(exchange)
                : ADMIN.matches(exchange).flatMap(admin -> admin.isMatch() ? MatchResult.notMatch() : MatchResult.match()));
    }
}
