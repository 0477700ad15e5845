package io.greenportal.gateway.web;

import java.net.InetSocketAddress;

import io.greenportal.platform.clientaddress.ClientAddressSeal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client, as far as it can be trusted: the TCP peer, or, behind a known number
 * of proxies (the Kubernetes ingress), the entry that the nearest trusted proxy wrote into
 * X-Forwarded-For. Entries a client wrote itself are never trusted.
 */
@Component
public class ClientAddress {

    /**
     * Passed to the services, which use it for per-client limits (e.g. objection intake), with its
     * seal ({@link #SEAL_HEADER}), so that they can tell it from one a caller wrote itself.
     */
    public static final String HEADER = ClientAddressSeal.ADDRESS_HEADER;
    public static final String SEAL_HEADER = ClientAddressSeal.SEAL_HEADER;

    private final XForwardedRemoteAddressResolver resolver;
    private final int trustedHops;
    private final ClientAddressSeal seal;

    public ClientAddress(@Value("${greenportal.gateway.trusted-proxy-hops:0}") int trustedHops,
            @Value("${" + ClientAddressSeal.KEY_PROPERTY + ":}") String key,
            @Value("${greenportal.local-portal:false}") boolean localPortal) {
        this.trustedHops = trustedHops;
        this.resolver = trustedHops > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedHops) : null;
        this.seal = ClientAddressSeal.of(key, localPortal);
    }

    public String seal(String address) {
        return seal.seal(address);
    }

    public String of(ServerWebExchange exchange) {
        InetSocketAddress address = trustedHops > 0 ? resolver.resolve(exchange) : exchange.getRequest().getRemoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
