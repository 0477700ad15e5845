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
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Public answers may be kept by browsers and by the gateway for {@code public-max-age} (1 s by
 * default: a change still reaches every reader within the 2 s the portal promises), and carry an
 * ETag so a repeat visit is a 304. The feeds set the same caching themselves (with ETags and
 * Last-Modified of their own); exports stream and are left alone; nothing asked with a token is public.
 */
@Configuration(proxyBeanMethods = false)
public class PublicCacheHeaders {

    /** The public reads whose answers are small and the same for everyone. */
    static final String[] PUBLIC_READS = {"/api/v1/public/listings", "/api/v1/public/listings/*", "/api/v1/public/suggest",
            "/api/v1/public/notices", "/api/v1/public/notices/*", "/api/v1/public/statistics", "/api/v1/public/targets",
            "/api/v1/public/targets/*", "/api/v1/public/export/dictionary"};

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicMaxAge(PublicityProperties properties) {
        String cacheControl = "public, max-age=" + properties.cache().publicMaxAge().toSeconds();
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String method = request.getMethod();
                // an answer to a caller who showed a token is that caller's: under these paths lie reads
                // for administrators too (the record of target changes), which must never be kept by a
                // shared cache; Spring Security then marks it no-store
                boolean anonymous = request.getHeader(HttpHeaders.AUTHORIZATION) == null;
                if ((method.equals("GET") || method.equals("HEAD")) && anonymous) {
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
