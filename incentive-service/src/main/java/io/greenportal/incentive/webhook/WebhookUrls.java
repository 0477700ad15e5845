package io.greenportal.incentive.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import io.greenportal.incentive.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * Which webhook URLs this service will call. A subscriber must not be able to make the portal reach
 * into its own network (SSRF): https only, or http to loopback for development; never link-local
 * addresses (cloud metadata lives at 169.254.169.254), metadata host names, unspecified or multicast
 * addresses, and private networks unless configured. Host names are checked again, resolved, just
 * before each delivery, because DNS can change after subscription (rebinding).
 */
@Component
public class WebhookUrls {

    static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal", "metadata.goog",
            "instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com", "metadata.azure.internal",
            "metadata.platformequinix.com");
    /** Metadata services outside the link-local range: Alibaba Cloud (100.100.100.200), AWS over IPv6. */
    static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private final WebhookProperties properties;

    public WebhookUrls(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The URL if a subscription may use it, else a 400 naming {@code url} and why. */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalid("url", "is required: the https URL to deliver events to");
        }
        if (url.length() > 2000) {
            throw ApiException.invalid("url", "must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "is not a valid URL");
        }
        String problem = problem(uri, false);
        if (problem != null) {
            throw ApiException.invalid("url", problem);
        }
        return uri;
    }

    /** Why this URL must not be called now (resolving its host), or null when it may. */
    public String refusal(URI uri) {
        return problem(uri, true);
    }

    private String problem(URI uri, boolean mustResolve) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must be an https URL (or http to loopback for development), not " + (scheme.isEmpty() ? "a relative URL" : scheme);
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials; the signature authenticates us to you";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "has no host";
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (METADATA_HOSTS.contains(host)) {
            return "points at a cloud metadata service";
        }
        boolean namedLoopback = host.equals("localhost") || host.endsWith(".localhost");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            // a name that does not resolve yet is accepted at subscription and checked before each delivery
            return mustResolve ? "its host " + host + " does not resolve" : scheme.equals("http") ? httpOnlyLoopback() : null;
        } catch (RuntimeException e) {
            return "has a host that is not a valid name or address";
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                return "its host " + host + " is " + refusal;
            }
            allLoopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && !(allLoopback && (namedLoopback || isLiteral(host)))) {
            return httpOnlyLoopback();
        }
        return null;
    }

    private static String httpOnlyLoopback() {
        return "must use https; plain http is allowed only to 127.0.0.1, ::1 or localhost for development";
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** Why an address is off limits, or null. */
    String refusal(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (a.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address (where cloud metadata services live)";
        }
        if (METADATA_ADDRESSES.contains(a.getHostAddress())) {
            return "a cloud metadata address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        if (a instanceof Inet4Address && ((a.getAddress()[0] & 0xff) == 0 || (a.getAddress()[0] & 0xff) >= 240)) {
            return "a reserved address";
        }
        if (a.isLoopbackAddress()) {
            return properties.allowLoopback() ? null : "a loopback address";
        }
        if (!properties.allowPrivateNetworks() && isPrivate(a)) {
            return "a private network address";
        }
        return null;
    }

    private static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return a.isSiteLocalAddress() || (first == 100 && second >= 64 && second <= 127); // carrier-grade NAT
        }
        return (b[0] & 0xfe) == 0xfc || a.isSiteLocalAddress(); // fc00::/7 unique local, fec0::/10
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible or NAT64 (64:ff9b::/96) IPv6 address. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0
                && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        if (!mapped && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
