package io.greenportal.certification.publicity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client an anonymous request comes from: the first X-Forwarded-For entry (the gateway, the only
 * public entry, sets it), else the connection's remote address.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",")[0].strip();
            if (!first.isEmpty() && first.length() <= 64 && first.matches("[0-9A-Fa-f:.\\[\\]]+")) {
                return first;
            }
        }
        return request.getRemoteAddr();
    }
}
