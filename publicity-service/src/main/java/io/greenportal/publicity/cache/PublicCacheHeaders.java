package io.greenportal.publicity.cache;

import java.io.IOException;

import io.greenportal.publicity.PublicityProperties;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Public answers may be kept by browsers and by the gateway for {@code public-max-age} (1 s by
 * default: a change still reaches every reader within the 2 s the portal promises), and carry an
 * ETag so a repeat visit is a 304. The feeds set the same caching themselves (with ETags and
 * Last-Modified of their own); exports stream and are left alone; the admin paths are never public.
 */
@Configuration(proxyBeanMethods = false)
public class PublicCacheHeaders {

    /** The public reads whose answers are small and the same for everyone. */
    static final String[] PUBLIC_READS = {"/api/v1/public/listings", "/api/v1/public/listings/*", "/api/v1/public/suggest",
            "/api/v1/public/notices", "/api/v1/public/notices/*", "/api/v1/public/statistics", "/api/v1/public/targets",
            "/api/v1/public/targets/*", "/api/v1/public/export/dictionary"};

    /** Under a public path, but for administrators only (SecurityConfig): never marked public. */
    static final java.util.Set<String> ADMIN_READS = java.util.Set.of("/api/v1/public/targets/changes");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicMaxAge(PublicityProperties properties) {
        String cacheControl = "public, max-age=" + properties.cache().publicMaxAge().toSeconds();
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String method = request.getMethod();
                if ((method.equals("GET") || method.equals("HEAD")) && !ADMIN_READS.contains(request.getServletPath())) {
                    response.setHeader("Cache-Control", cacheControl);
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns(PUBLIC_READS);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(PUBLIC_READS);
        return registration;
    }
}
