package io.greenportal.gateway.connections;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.greenportal.platform.clientaddress.Subscribers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import io.netty.channel.Channel;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * What a slow, stalled or greedy client may hold. A connection that sends no complete request
 * within the idle time-out is closed; a request body that stops arriving for the read time-out, or
 * that is not complete within the request time-out, is answered 408 and closed (by
 * {@link WireRefusals}, which also writes the problem details for requests
 * that cannot be decoded: a request line or headers over the decoder's limits, Boot's
 * {@code server.netty.max-initial-line-length} and {@code server.max-http-request-header-size}). One address may hold at most {@code max-per-address} connections at once, far
 * above what a crowd behind one carrier NAT opens, so that one client cannot hold them all; the
 * trusted proxies in front of the gateway (the ingress) are not counted.
 */
@Component
public class ClientConnections implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ClientConnections.class);

    private final ConnectionProperties properties;
    private final Pattern trustedProxies;
    private final boolean behindProxies;
    /** Open connections per subscriber (an IPv6 client's /64, as the rate limits count it). */
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final DataSize maxRequestLine;
    private final DataSize maxHeaders;

    public ClientConnections(ConnectionProperties properties,
            @Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies,
            @Value("${greenportal.gateway.trusted-proxy-hops:0}") int trustedHops,
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxRequestLine,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
        this.properties = properties;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaders = maxHeaders;
        this.trustedProxies = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
        this.behindProxies = trustedHops > 0;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.idleTimeout(properties.idleTimeout())
                // WireRefusals answers 408 at the read and request time-outs; Reactor Netty's read
                // time-out, a second later, is the backstop (it closes the connection without an answer).
                // Not its request time-out: that schedules a task per request which keeps the finished
                // request in memory until the time-out passes (5 minutes here: at 1,000 req/s, 300,000
                // requests, a full heap on a publicity day); WireRefusals cancels its own per-request timer
                .readTimeout(properties.readTimeout().plusSeconds(1))
                .doOnChannelInit((observer, channel, remote) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "greenportalWireRefusals",
                                new WireRefusals(properties.requestTimeout(), properties.readTimeout(), maxRequestLine, maxHeaders));
                    }
                    admit(channel, channel.remoteAddress());
                });
    }

    private void admit(Channel channel, java.net.SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return;
        }
        InetAddress address = socket.getAddress();
        if (behindProxies && trustedProxies != null && trustedProxies.matcher(address.getHostAddress()).matches()) {
            return;
        }
        String subscriber = Subscribers.of(address.getHostAddress());
        int holding = open.merge(subscriber, 1, Integer::sum);
        channel.closeFuture().addListener(closed -> open.computeIfPresent(subscriber, (a, n) -> n == 1 ? null : n - 1));
        if (holding > properties.maxPerAddress()) {
            log.warn("closing a connection from {}: it already holds {} (limit {})", subscriber,
                    holding - 1, properties.maxPerAddress());
            channel.close();
        }
    }

    int openFrom(InetAddress address) {
        return open.getOrDefault(Subscribers.of(address.getHostAddress()), 0);
    }
}
