package io.greenportal.gateway.web;

import java.net.InetSocketAddress;

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

    /** Passed to the services, which use it for per-client limits (e.g. objection intake). */
    public static final String HEADER = "X-Client-Address";

    private final XForwardedRemoteAddressResolver resolver;
    private final int trustedHops;

    public ClientAddress(@Value("${greenportal.gateway.trusted-proxy-hops:0}") int trustedHops) {
        this.trustedHops = trustedHops;
        this.resolver = trustedHops > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedHops) : null;
    }

    public String of(ServerWebExchange exchange) {
        InetSocketAddress address = trustedHops > 0 ? resolver.resolve(exchange) : exchange.getRequest().getRemoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
