package io.greenportal.platform.clientaddress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What a per-client limit counts: the part of an address one subscriber controls. An IPv6 subscriber
 * is given at least a /64 and picks any address in it at will, so IPv6 addresses count by their /64
 * ("2001:db8:1:2::/64"); an IPv4 address (also written IPv4-mapped) counts whole. Anything that is not
 * an address literal is its own key.
 */
public final class Subscribers {

    private Subscribers() {
    }

    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        int scope = literal.indexOf('%');
        if (scope >= 0) {
            literal = literal.substring(0, scope);
        }
        if (!literal.matches("[0-9A-Fa-f:.]{2,45}")) {
            return address;
        }
        try {
            // a literal of hex digits, colons and dots: parsed, never looked up
            InetAddress parsed = InetAddress.getByName(literal);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // IPv4, also when written IPv4-mapped
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
