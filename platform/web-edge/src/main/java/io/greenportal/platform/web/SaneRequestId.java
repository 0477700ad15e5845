package io.greenportal.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

import io.greenportal.platform.tracing.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gateway's rule for {@code X-Request-Id} ({@link RequestIds#acceptOrNew}), applied again before
 * the request's observation turns the header into baggage, for a caller that reaches the service
 * without the gateway: an id of 4,500 characters travelled on into the gRPC headers of every call
 * to another service, which refused them (a 503 for the caller), and an id with any characters
 * could write what it liked into every log line. The service sees one sane id instead.
 */
public class SaneRequestId extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(RequestIds.HEADER);
        chain.doFilter(offered == null ? request : new OneRequestId(request, RequestIds.acceptOrNew(offered)), response);
    }

    private static final class OneRequestId extends HttpServletRequestWrapper {

        private final String id;

        OneRequestId(HttpServletRequest request, String id) {
            super(request);
            this.id = id;
        }

        private static boolean named(String name) {
            return RequestIds.HEADER.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return named(name) ? id : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return named(name) ? Collections.enumeration(Set.of(id)) : super.getHeaders(name);
        }
    }
}
