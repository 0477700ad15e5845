package io.greenportal.gateway.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.netty.handler.codec.http.HttpVersion;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * RFC 9112, 3.2: an HTTP/1.1 request without a Host header, with more than one (or one that lists
 * several), or with one that is not {@code host[:port]} (RFC 3986: a bracketed IP literal or a
 * registered name of unreserved, percent-encoded and sub-delimiter characters, a port of at most
 * 65535) is answered 400. Two Hosts are the classic lever for routing or caching by one value while
 * logging or checking another; the services (Tomcat) refuse them all, and the gateway in front of
 * them passed them on. (An empty Host is valid: a request whose target has no authority sends one.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after the request id, the UTF-8 check and the head budget
public class SingleHost implements WebFilter {

    private static final Pattern HOST = Pattern.compile(
            "(?:\\[[0-9A-Fa-f:.]+(?:%25[A-Za-z0-9._~-]+)?\\]|[A-Za-z0-9._~!$&'()*+;=%-]*)(?::([0-9]{0,5}))?");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> hosts = exchange.getRequest().getHeaders().get(HttpHeaders.HOST);
        String problem = null;
        if (hosts == null || hosts.isEmpty()) {
            if (isHttp11(exchange)) {
                problem = "An HTTP/1.1 request must carry a Host header";
            }
        } else if (hosts.size() > 1 || hosts.getFirst().contains(",")) {
            problem = "The request carries more than one Host; send exactly one";
        } else if (!wellFormed(hosts.getFirst())) {
            problem = "The Host header is not a host name or address with an optional port (host[:port])";
        }
        if (problem == null) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "invalid-host", problem, HttpHeaders.HOST);
    }

    static boolean wellFormed(String host) {
        Matcher m = HOST.matcher(host);
        return m.matches() && (m.group(1) == null || m.group(1).isEmpty() || Integer.parseInt(m.group(1)) <= 65535);
    }

    private static boolean isHttp11(ServerWebExchange exchange) {
        return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof HttpServerRequest request
                && HttpVersion.HTTP_1_1.equals(request.version());
    }
}
