package io.greenportal.site.web;

import java.util.regex.Pattern;

import io.greenportal.site.api.VisitorAddress;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the site passes on from the visitor's request to the API: the client address. (The request
 * id the gateway stamped travels with the trace context as baggage: see the tracing module.)
 */
public final class RequestContext {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,64}");
    private static final Pattern SEAL = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RequestContext() {
    }

    /**
     * The visitor's address and its seal as the gateway stamped them on the request it routed here
     * (overwriting any a client sent). The site does not hold the gateway's key: it passes both on,
     * and the certification service, which does, decides whether to believe them. Headers of the
     * wrong shape are not passed on.
     */
    public static VisitorAddress visitor(HttpServletRequest request) {
        String address = request.getHeader(VisitorAddress.ADDRESS_HEADER);
        String seal = request.getHeader(VisitorAddress.SEAL_HEADER);
        return new VisitorAddress(address != null && ADDRESS.matcher(address).matches() ? address : null,
                seal != null && SEAL.matcher(seal).matches() ? seal : null);
    }
}
