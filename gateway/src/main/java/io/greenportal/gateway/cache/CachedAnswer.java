package io.greenportal.gateway.cache;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;

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

    Mono<Void> writeTo(ServerHttpResponse response, HttpHeaders request) {
        HttpHeaders out = response.getHeaders();
        headers.forEach((name, values) -> out.put(name, values));
        out.set("Age", Long.toString(Duration.ofNanos(System.nanoTime() - storedAtNanos).toSeconds()));
        if (notModifiedFor(request)) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            out.remove(HttpHeaders.CONTENT_LENGTH);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /**
     * RFC 9110's conditions as the service itself applies them: {@code If-None-Match} when present
     * (the entity tag, or {@code *}), else {@code If-Modified-Since} against the stored
     * {@code Last-Modified}, to the second (an invalid date is ignored).
     */
    boolean notModifiedFor(HttpHeaders request) {
        List<String> ifNoneMatch = request.getIfNoneMatch();
        if (!ifNoneMatch.isEmpty()) {
            String etag = headers.getETag();
            return etag != null && (ifNoneMatch.contains("*") || ifNoneMatch.stream().anyMatch(tag -> opaque(tag).equals(opaque(etag))));
        }
        long since = request.getIfModifiedSince();
        long modified = headers.getLastModified();
        return since >= 0 && modified >= 0 && modified / 1000 <= since / 1000;
    }

    /** An entity tag without its weakness mark: If-None-Match compares weakly. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
