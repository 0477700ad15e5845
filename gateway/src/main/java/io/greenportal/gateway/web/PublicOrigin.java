package io.greenportal.gateway.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The portal's public address ({@code GP_PUBLIC_BASE_URL}, e.g. {@code https://portal.example.gov.cn}),
 * the only origin absolute URLs are built from: the login's redirect_uri, the address Keycloak sends
 * the browser to after logout, and, passed to every service as {@code X-Forwarded-Host},
 * {@code -Proto} and {@code -Port}, the links the services and the public site write (OpenAPI
 * servers, feeds, canonical links). The request's {@code Host} header, and any {@code Forwarded} or
 * {@code X-Forwarded-*} header a client sent, never name it: a page or a cached answer built for
 * one caller cannot point another to a host of the first one's choosing.
 */
@Component
public class PublicOrigin implements HttpHeadersFilter, Ordered {

    private final String scheme;
    private final String host;
    private final int port;
    private final String origin;

    public PublicOrigin(@Value("${greenportal.gateway.public-base-url}") String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("GP_PUBLIC_BASE_URL (greenportal.gateway.public-base-url) is not a URL: " + baseUrl);
        }
        String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(s.equals("http") || s.equals("https")) || uri.getHost() == null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("GP_PUBLIC_BASE_URL (greenportal.gateway.public-base-url) must be the portal's "
                    + "public origin, http(s)://host[:port] with no path, e.g. https://portal.example.gov.cn; it is: " + baseUrl);
        }
        this.scheme = s;
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
        this.port = uri.getPort() > 0 ? uri.getPort() : (s.equals("https") ? 443 : 80);
        boolean defaultPort = uri.getPort() < 0 || (s.equals("https") && port == 443) || (s.equals("http") && port == 80);
        this.origin = s + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** {@code scheme://host[:port]}, without a trailing slash. */
    public String origin() {
        return origin;
    }

    /** An absolute URL of a path ({@code /...}) of the portal. */
    public String url(String path) {
        return origin + path;
    }

    /** Applied to every request passed to a service, after Spring Cloud Gateway's own forwarding headers. */
    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.remove("Forwarded");
        headers.remove("X-Forwarded-Prefix");
        headers.set("X-Forwarded-Host", host);
        headers.set("X-Forwarded-Proto", scheme);
        headers.set("X-Forwarded-Port", Integer.toString(port));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
