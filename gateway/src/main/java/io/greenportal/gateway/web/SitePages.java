package io.greenportal.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * The gateway's own refusals of the public site's pages: a small page in the site's language, where
 * the API's refusals are problem details. A visitor who follows a broken link or is limited sees
 * Chinese text and a way back, not JSON.
 */
public final class SitePages {

    /**
     * The site's sections with whatever follows them (the routes to the site in application.yml name
     * the same), so a mistyped page under one is the site's Chinese 404 page rather than the
     * gateway's JSON problem.
     */
    public static final String[] SECTIONS = {"/", "/search", "/search/**", "/listings/**", "/publicity", "/publicity/**",
            "/open-data", "/open-data/**", "/sitemap.xml", "/sitemaps/**", "/robots.txt", "/assets/**"};

    private static final List<PathPattern> PATTERNS = Arrays.stream(SECTIONS)
            .map(PathPatternParser.defaultInstance::parse).toList();

    private SitePages() {
    }

    public static boolean isSitePage(ServerWebExchange exchange) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : PATTERNS) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** A page with {@code title} as heading and {@code message}; neither may hold markup or visitor input. */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String message) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType("text", "html", StandardCharsets.UTF_8));
        response.getHeaders().setCacheControl("no-store");
        response.getHeaders().set("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " - 绿色制造公共服务平台</title></head><body><main>"
                + "<h1>" + title + "</h1><p>" + message + "</p>"
                + "<p><a href=\"/\">返回首页</a></p></main></body></html>";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
    }
}
