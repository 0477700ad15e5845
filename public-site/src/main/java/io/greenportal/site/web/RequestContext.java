package io.greenportal.site.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the site passes on from the visitor's request to the API: the client address. (The request
 * id the gateway stamped travels with the trace context as baggage: see the tracing module.)
 */
public final class RequestContext {

    static final String CLIENT_ADDRESS = "X-Client-Address";
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,64}");

    private RequestContext() {
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
}
