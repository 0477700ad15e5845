package io.greenportal.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import io.greenportal.gateway.web.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps request bodies before they reach a service: uploads (application documents, registry
 * imports) get a larger cap than everything else. A declared Content-Length over the cap is refused
 * at once with 413; a body without one is counted as it streams and cut off at the cap.
 */
@Component
public class BodySizeLimitFilter implements GlobalFilter, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final String[] UPLOADS = {"/api/v1/certification/applications/*/documents", "/api/v1/registry/imports",
            "/api/v1/registry/screenings"};

    public static final String LIMIT_ATTRIBUTE = BodySizeLimitFilter.class.getName() + ".limit";

    private final long defaultLimit;
    private final long uploadLimit;

    public BodySizeLimitFilter(@Value("${greenportal.gateway.max-body-size:1MB}") DataSize defaultLimit,
            @Value("${greenportal.gateway.max-upload-size:25MB}") DataSize uploadLimit) {
        this.defaultLimit = defaultLimit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
    }

    @Override
    public int getOrder() {
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        long limit = isUpload(path) ? uploadLimit : defaultLimit;
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        var counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        throw new BodyTooLargeException();
                    }
                    return buffer;
                });
            }
        };
        exchange.getAttributes().put(LIMIT_ATTRIBUTE, limit);
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodyTooLargeException::causedBy, e -> exchange.getResponse().isCommitted() ? Mono.empty()
                        : tooLarge(exchange, limit));
    }

    private static boolean isUpload(String path) {
        for (String upload : UPLOADS) {
            if (PATHS.match(upload, path)) {
                return true;
            }
        }
        return false;
    }

    public static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return Problems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "too-large",
                "The request body is larger than " + DataSize.ofBytes(limit).toMegabytes() + " MB");
    }

    /** Thrown into a streaming body at the cap and turned into a 413 above; never counted against a service. */
    public static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super("request body too large", null, false, false);
        }

        public static boolean causedBy(Throwable t) {
            for (Throwable cause = t; cause != null; cause = cause.getCause()) {
                if (cause instanceof BodyTooLargeException) {
                    return true;
                }
            }
            return false;
        }
    }
}
