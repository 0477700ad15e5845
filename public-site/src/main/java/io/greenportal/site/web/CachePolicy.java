package io.greenportal.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.greenportal.site.SiteProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Pages are the same for every visitor, so the gateway, a CDN and browsers may keep them briefly:
 * {@code public, max-age} (short: a revocation must show within a minute) on every page a controller
 * answers, unless the page says otherwise (the objection form, which carries a CSRF token:
 * {@code no-store}). The ETag and the 304 come from {@link WebConfig}'s ETag filter.
 */
@Component
public class CachePolicy implements HandlerInterceptor {

    public static final String NO_STORE = "no-store";

    private final String pages;

    public CachePolicy(SiteProperties properties) {
        this.pages = "public, max-age=" + properties.pageMaxAge().toSeconds();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            response.setHeader("Cache-Control", pages);
        } else if (handler instanceof HandlerMethod) {
            response.setHeader("Cache-Control", NO_STORE);
        }
        return true;
    }

    /** For answers that must never be reused (errors, forms with a token, a filed objection). */
    public static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", NO_STORE);
    }
}
