package io.greenportal.site.web;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the site passes on from the visitor's request to the API: the request id the gateway
 * stamped (so one id follows a page through every service's log) and the client address.
 */
public final class RequestContext {

    static final String REQUEST_ID = "X-Request-Id";
    static final String CLIENT_ADDRESS = "X-Client-Address";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,64}");

    private RequestContext() {
    }

    public static Optional<String> requestId() {
        return current().map(r -> r.getHeader(REQUEST_ID)).filter(id -> SANE_ID.matcher(id).matches());
    }

    /**
     * The visitor's address: the {@code X-Client-Address} the gateway stamps on every request it
     * routes (overwriting any a client sent), else the connection's peer. The site is reachable
     * only from the gateway (NetworkPolicy), as the services are, so the header is trusted as they
     * trust it.
     */
    public static String clientAddress(HttpServletRequest request) {
        String stamped = request.getHeader(CLIENT_ADDRESS);
        if (stamped != null && ADDRESS.matcher(stamped.strip()).matches()) {
            return stamped.strip();
        }
        return request.getRemoteAddr();
    }

    private static Optional<HttpServletRequest> current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
