package io.greenportal.platform.web;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * A request carries at most one Authorization header (a 401 otherwise), as the gateway requires:
 * with two, a proxy in front and the service behind could each act on a different token. Spring's
 * resolver reads the first and ignores the rest.
 */
final class SingleBearerToken implements BearerTokenResolver {

    private final DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (headers != null && headers.hasMoreElements()) {
            headers.nextElement();
            if (headers.hasMoreElements()) {
                throw new OAuth2AuthenticationException(
                        BearerTokenErrors.invalidRequest("The request carries more than one Authorization header"));
            }
        }
        return delegate.resolve(request);
    }
}
