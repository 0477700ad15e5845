package io.greenportal.gateway.requestid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.greenportal.gateway.web.ClientAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, otherwise a
 * new one. The id goes to the services (which log it and pass it on over gRPC), back to the caller,
 * and into the gateway's access log line. The same filter stamps the trusted client address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Logger access = LoggerFactory.getLogger("io.greenportal.gateway.access");

    private final ClientAddress clientAddress;

    public RequestIdFilter(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** A random UUID: an id needs to be unique, not unguessable (UUID.randomUUID reads /dev/urandom). */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(3L << 62) | (2L << 62); // IETF variant
        return new UUID(high, low).toString();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = offered != null && SANE.matcher(offered).matches() ? offered : newId();
        String client = clientAddress.of(exchange);
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> {
                    headers.set(HEADER, requestId);
                    headers.set(ClientAddress.HEADER, client);
                })
                .build();
        // set at commit, so the id the service echoes does not appear twice
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        long start = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> {
                    MDC.put("requestId", requestId);
                    try {
                        access.info("{} {} {} {} ms client={}", request.getMethod(), request.getPath().value(),
                                exchange.getResponse().getStatusCode() == null ? "-" : exchange.getResponse().getStatusCode().value(),
                                (System.nanoTime() - start) / 1_000_000, client);
                    } finally {
                        MDC.remove("requestId");
                    }
                });
    }
}
