package io.greenportal.certification.publicity;

import io.greenportal.platform.clientaddress.ClientAddressSeal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client an anonymous request comes from: the X-Client-Address the gateway (the only public
 * entry) stamps on every request, when its seal is the gateway's; else the connection's address.
 * So a caller that reaches this service around the gateway is limited by its own connection, never
 * by an address it writes itself. X-Forwarded-For is not used: a client can write its own entries into it.
 */
@Component
class ClientAddress {

    private final ClientAddressSeal seal;

    ClientAddress(@Value("${" + ClientAddressSeal.KEY_PROPERTY + ":}") String key,
            @Value("${greenportal.local-portal:false}") boolean localPortal) {
        this.seal = ClientAddressSeal.of(key, localPortal);
    }

    String of(HttpServletRequest request) {
        String stamped = request.getHeader(ClientAddressSeal.ADDRESS_HEADER);
        if (stamped != null && stamped.length() <= 64 && stamped.matches("[0-9A-Fa-f:.\\[\\]a-z]+")
                && seal.verifies(stamped, request.getHeader(ClientAddressSeal.SEAL_HEADER))) {
            return stamped;
        }
        return request.getRemoteAddr();
    }
}
