package io.greenportal.gateway.security;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The public site's address space (routed to public-site in application.yml): none of it can be
 * mistaken for /api/**, /oauth2/**, /login/**, /logout, /account, /actuator/**, /swagger-ui*,
 * /v3/api-docs/** or /webjars/**.
 */
final class PublicSite {

    static final String[] PATHS = io.greenportal.gateway.web.SitePages.SECTIONS;

    static final ServerWebExchangeMatcher MATCHER = ServerWebExchangeMatchers.pathMatchers(PATHS);

    private PublicSite() {
    }
}
