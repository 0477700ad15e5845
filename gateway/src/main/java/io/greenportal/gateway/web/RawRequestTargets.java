package io.greenportal.gateway.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.NettyPipeline;

/**
 * Browsers percent-encode what they put in a URL; curl and many scripts send {@code ?q=水泥} or
 * {@code ?q=a|b} as raw bytes. Netty reads the request line byte by byte (each byte becomes one
 * char), and such a target then either fails to parse (an empty 400 before any filter runs) or
 * reaches the services as mojibake. This encodes, before anything reads the target, what a browser
 * would have encoded: bytes outside ASCII, the characters RFC 3986 does not allow, and a {@code %}
 * that does not start an escape. Whether the escapes then spell UTF-8 is checked by
 * {@link Utf8QueryFilter}.
 */
@Configuration(proxyBeanMethods = false)
public class RawRequestTargets {

    @Bean
    NettyServerCustomizer encodeRawRequestTargets() {
        ChannelHandler encoder = new TargetEncoder();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "greenportalTargetEncoder", encoder);
            }
        });
    }

    @ChannelHandler.Sharable
    static final class TargetEncoder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request) {
                String target = request.uri();
                String encoded = encode(target);
                if (!encoded.equals(target)) {
                    request.setUri(encoded);
                }
                String host = request.headers().get(HttpHeaderNames.HOST);
                if (host != null && unusableHost(host)) {
                    // Reactor Netty would answer an empty 400; WireRefusals answers a problem naming Host
                    request.setDecoderResult(DecoderResult.failure(new UnusableHost()));
                }
            }
            ctx.fireChannelRead(message);
        }
    }

    /** A Host header whose port is not digits, or whose [IPv6] address is not closed. */
    public static final class UnusableHost extends IllegalArgumentException {
        UnusableHost() {
            super("the Host header is not host[:port]", null);
        }
    }

    static boolean unusableHost(String host) {
        String port;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || (close + 1 < host.length() && host.charAt(close + 1) != ':')) {
                return true;
            }
            port = close + 1 < host.length() ? host.substring(close + 2) : "";
        } else {
            int colon = host.lastIndexOf(':');
            port = colon < 0 ? "" : host.substring(colon + 1);
        }
        return port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static String encode(String target) {
        StringBuilder out = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean keep = c == '%' ? escapeAt(target, i) : allowed(c);
            if (keep && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(target.length() + 16).append(target, 0, i);
            }
            if (keep) {
                out.append(c);
            } else {
                // chars above 0xFF cannot come from Netty's byte-per-char reading; encode their low byte defensively
                int b = c & 0xFF;
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out == null ? target : out.toString();
    }

    private static boolean escapeAt(String target, int i) {
        return i + 2 < target.length() && hex(target.charAt(i + 1)) && hex(target.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** RFC 3986 unreserved, reserved and the percent sign (handled apart). */
    private static boolean allowed(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
    }
}
