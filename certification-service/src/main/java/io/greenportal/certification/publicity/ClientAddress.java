package io.greenportal.certification.publicity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client an anonymous request comes from: the X-Client-Address the gateway (the only public
 * entry) stamps on every request, overwriting whatever a client sent; else the connection's address.
 * X-Forwarded-For is not used: a client can write its own entries into it.
 */
final class ClientAddress {

    static final String HEADER = "X-Client-Address";

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String stamped = request.getHeader(HEADER);
        if (stamped != null && !stamped.isBlank() && stamped.length() <= 64 && stamped.matches("[0-9A-Fa-f:.\\[\\]a-z]+")) {
            return stamped.strip();
        }
        return request.getRemoteAddr();
    }
}
