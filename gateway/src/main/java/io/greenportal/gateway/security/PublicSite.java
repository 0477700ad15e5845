package io.greenportal.gateway.security;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The public site's address space (routed to public-site in application.yml): none of it can be
 * mistaken for /api/**, /oauth2/**, /login/**, /logout, /account, /actuator/**, /swagger-ui*,
 * /v3/api-docs/** or /webjars/**.
 */
final class PublicSite {

    // the site's sections with whatever follows them, so a mistyped page under one is the site's
    // Chinese 404 page rather than the gateway's JSON problem
    static final String[] PATHS = {"/", "/search", "/search/**", "/listings/**", "/publicity", "/publicity/**",
            "/open-data", "/open-data/**", "/sitemap.xml", "/sitemaps/**", "/robots.txt", "/assets/**"};

    static final ServerWebExchangeMatcher MATCHER = ServerWebExchangeMatchers.pathMatchers(PATHS);

    private PublicSite() {
    }
}
