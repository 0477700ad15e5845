package io.greenportal.incentive.webhook;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.greenportal.platform.web.ApiException;

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

    /** Four decimal numbers 0-255 without leading zeros: the only IPv4 form every resolver reads alike. */
    static final Pattern DOTTED_QUAD = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])");

    static final InetAddress IPV4_LOOPBACK = literal(new byte[] {127, 0, 0, 1});
    static final InetAddress IPV6_LOOPBACK = literal(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    private final WebhookProperties properties;
    private final HostResolver resolver;

    public WebhookUrls(WebhookProperties properties) {
        this(properties, HostResolver.SYSTEM);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public WebhookUrls(WebhookProperties properties, HostResolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
    }

    /** The URL if a subscription may use it, else a 400 naming {@code url} and why. */
    public URI check(String url) {
        return check(url, false);
    }

    private URI check(String url, boolean mustResolve) {
        if (url == null) {
            throw ApiException.invalid("url", "is required: the https URL to deliver events to");
        }
        if (url.isBlank()) {
            throw ApiException.invalid("url", "must not be blank: the https URL to deliver events to");
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
        String problem = problem(uri, mustResolve);
        if (problem != null) {
            throw ApiException.invalid("url", problem);
        }
        return uri;
    }

    /**
     * Why this URL must not be called now (resolving its host), as a sentence for the delivery log,
     * or null when it may. The delivery's connection checks its addresses once more where it
     * connects ({@link WebhookHttp}: the addresses checked are the addresses connected to).
     */
    public String refusal(URI uri) {
        String problem = problem(uri, true);
        return problem == null ? null : problem.startsWith("the host") ? problem : "the URL " + problem;
    }

    /**
     * Why a delivery must not connect to these addresses of {@code host}, as a sentence for the
     * delivery log, or null when all may be reached.
     */
    public String refusal(String host, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            // Java reads ::ffff:127.0.0.1 as the IPv4 address itself: a v6 literal that is v4 loopback is the mapped form
            String refusal = host.contains(":") && address instanceof Inet4Address && address.isLoopbackAddress()
                    ? "a loopback address written as IPv6" : refusal(address);
            if (refusal != null) {
                String literal = address.getHostAddress();
                return "the host " + host + (literal.equals(host) ? "" : " (" + literal + ")") + " is " + refusal
                        + ", which webhooks may not reach";
            }
        }
        return null;
    }

    /** The addresses of {@code host}, from the resolver every check and every connection uses. */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return resolver.resolve(host);
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
            return hostless(uri);
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            return "has the port " + uri.getPort() + ", which is not a TCP port (1-65535)";
        }
        if (host.contains("%")) {
            return "has an IPv6 address with a zone (" + host + "): a zone names a network interface of one machine, "
                    + "which webhooks may not reach";
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (looksNumeric(host) && !DOTTED_QUAD.matcher(host).matches()) {
            return notDottedQuad(host);
        }
        if (METADATA_HOSTS.contains(host)) {
            return "points at a cloud metadata service";
        }
        boolean namedLoopback = host.equals("localhost") || host.endsWith(".localhost");
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            // a name that does not resolve yet is accepted at subscription and checked at each delivery
            return mustResolve ? "the host " + host + " does not resolve (no DNS address)"
                    : scheme.equals("http") ? httpOnlyLoopback() : null;
        } catch (RuntimeException e) {
            return "has a host that is not a valid name or address";
        }
        String refusal = refusal(host, addresses);
        if (refusal != null) {
            return refusal;
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && !(allLoopback && (namedLoopback || isLiteral(host)))) {
            return httpOnlyLoopback();
        }
        return null;
    }

    /**
     * java.net.URI leaves the host out when it is not a plain ASCII name or dotted IPv4 address (an
     * internationalised name, 127.1, 0x7f.0.0.1): say which, from the authority as written.
     */
    private static String hostless(URI uri) {
        String authority = uri.getAuthority();
        if (authority == null || authority.isBlank()) {
            return "has no host";
        }
        if (authority.contains("@")) {
            return "must not carry credentials; the signature authenticates us to you";
        }
        String host = authority.startsWith("[") ? authority : authority.replaceFirst(":[0-9]*$", "");
        if (!host.chars().allMatch(c -> c < 128)) {
            try {
                return "has an internationalised host name (" + host + "): give it in its ASCII (punycode) form, "
                        + "https://" + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + "/…";
            } catch (IllegalArgumentException e) {
                return "has an internationalised host name (" + host + ") that is not valid; give host names in their ASCII (punycode) form";
            }
        }
        if (looksNumeric(host.toLowerCase(Locale.ROOT))) {
            return notDottedQuad(host);
        }
        return "has a host (" + host + ") that is not a valid host name: letters, digits, dashes and dots only";
    }

    /** A host whose last label is a number is an IPv4 address to a URL parser (WHATWG), however written. */
    private static boolean looksNumeric(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        return !host.contains(":") && (last.matches("[0-9]+") || last.matches("0x[0-9a-f]*"));
    }

    private static String notDottedQuad(String host) {
        return "has the host " + host + ", which is not an IPv4 address in the usual form: write four decimal numbers "
                + "0-255 without leading zeros, e.g. 203.0.113.10 (shorthand, decimal, octal and hexadecimal forms are "
                + "not accepted)";
    }

    private static String httpOnlyLoopback() {
        return "must use https; plain http is allowed only to 127.0.0.1, ::1 or localhost for development";
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /**
     * Why an address is off limits, or null. The development allowance for loopback
     * ({@code allow-loopback}) covers exactly 127.0.0.1 and ::1: never another 127/8 address, and never
     * loopback written inside an IPv6 address (::ffff:127.0.0.1).
     */
    String refusal(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (a != address && a.isLoopbackAddress()) {
            return "a loopback address written as IPv6";
        }
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
        for (Block block : NOT_GLOBAL) {
            if (block.holds(a)) {
                return "a reserved address (" + block.what() + ")";
            }
        }
        if (a.isLoopbackAddress()) {
            boolean plain = a.equals(IPV4_LOOPBACK) || a.equals(IPV6_LOOPBACK);
            return properties.allowLoopback() && plain ? null : "a loopback address";
        }
        if (!properties.allowPrivateNetworks() && isPrivate(a)) {
            return "a private network address";
        }
        return null;
    }

    /** A block of IANA's special-purpose registries that no bank's endpoint is in (RFC 6890 and later). */
    record Block(byte[] prefix, int bits, String what) {

        static Block of(String cidr, String what) {
            String[] parts = cidr.split("/");
            return new Block(literal(parts[0]).getAddress(), Integer.parseInt(parts[1]), what);
        }

        boolean holds(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((b[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Not globally reachable beyond the blocks refused above: benchmarking (198.18.0.0/15, also where
     * proxies' fake-IP DNS answers), documentation, protocol assignments, discard and the like.
     */
    static final List<Block> NOT_GLOBAL = List.of(
            Block.of("192.0.0.0/24", "IETF protocol assignments"), Block.of("192.0.2.0/24", "documentation"),
            Block.of("198.18.0.0/15", "benchmarking"), Block.of("198.51.100.0/24", "documentation"),
            Block.of("203.0.113.0/24", "documentation"), Block.of("192.88.99.0/24", "6to4 relay anycast"),
            Block.of("100::/64", "discard-only"), Block.of("2001:db8::/32", "documentation"),
            Block.of("3fff::/20", "documentation"), Block.of("2001:2::/48", "benchmarking"),
            Block.of("2001:10::/28", "ORCHID"), Block.of("2001:20::/28", "ORCHIDv2"),
            Block.of("5f00::/16", "segment routing"));

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no look-up
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress literal(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * The IPv4 address inside an IPv6 address that carries one: IPv4-mapped (::ffff:0:0/96),
     * -compatible (::/96), SIIT-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96 and the local-use
     * 64:ff9b:1::/48), 6to4 (2002::/16) and Teredo (2001::/32, the client's address inverted). Any
     * translator on the way would deliver to that IPv4 address, so it is what the rules judge.
     */
    static InetAddress embeddedIpv4(InetAddress address) {
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
        boolean zeroEight = true;
        for (int i = 0; i < 8; i++) {
            zeroEight &= b[i] == 0;
        }
        boolean translated = zeroEight && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        boolean localNat64 = nat64 && b[4] == 0 && b[5] == 1;
        if (localNat64) {
            return ipv4(b[6], b[7], b[9], b[10]); // a /48 prefix: the address skips the "u" octet (RFC 6052)
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return ipv4(b[2], b[3], b[4], b[5]);
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return ipv4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]);
        }
        if (mapped || translated || nat64) {
            return ipv4(b[12], b[13], b[14], b[15]);
        }
        return address;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        return literal(new byte[] {a, b, c, d});
    }
}
