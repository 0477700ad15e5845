package io.greenportal.gateway.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A stored answer: the headers the service sent (less hop-by-hop ones) and the body. It is fresh
 * for its {@code ttl}; after that it is only served while the service cannot answer (stale-if-error)
 * or while another request is fetching its successor.
 */
record CachedAnswer(HttpHeaders headers, byte[] body, long storedAtNanos, Duration ttl) {

    private static final Set<String> NOT_KEPT = Set.of("date", "connection", "keep-alive", "transfer-encoding",
            "x-request-id", "age", "trailer", "upgrade");

    static CachedAnswer of(HttpHeaders serviceHeaders, byte[] body, Duration ttl) {
        HttpHeaders kept = new HttpHeaders();
        serviceHeaders.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                kept.put(name, List.copyOf(values));
            }
        });
        return new CachedAnswer(HttpHeaders.readOnlyHttpHeaders(kept), body, System.nanoTime(), ttl);
    }

    boolean fresh() {
        return System.nanoTime() - storedAtNanos < ttl.toNanos();
    }

    /**
     * Writes this answer for the exchange's request, or the 304 (or 412) its conditional headers call
     * for, decided by Spring's own RFC 9110 evaluation, as the service itself would decide it.
     */
    Mono<Void> writeTo(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders out = response.getHeaders();
        headers.forEach((name, values) -> out.put(name, values));
        out.set("Age", Long.toString(Duration.ofNanos(System.nanoTime() - storedAtNanos).toSeconds()));
        response.setStatusCode(HttpStatus.OK);
        long lastModified = headers.getLastModified();
        if (exchange.checkNotModified(headers.getETag(), lastModified < 0 ? Instant.MIN : Instant.ofEpochMilli(lastModified))) {
            out.remove(HttpHeaders.CONTENT_LENGTH);
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
