package io.greenportal.gateway.requestid;

import io.greenportal.gateway.web.ClientAddress;
import io.greenportal.platform.tracing.RequestIds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * new one. The id goes to the service as the {@code X-Request-Id} header, which the services carry on
 * as tracing baggage (log lines, problem details, gRPC calls); back to the caller; and into the
 * gateway's access log line, next to the trace and span ids (so a quoted request id finds its trace).
 * The same filter stamps the trusted client address, sealed for the services (platform/client-address).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = RequestIds.HEADER;
    private static final Logger access = LoggerFactory.getLogger("io.greenportal.gateway.access");

    private final ClientAddress clientAddress;

    public RequestIdFilter(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = RequestIds.acceptOrNew(offered);
        String client = clientAddress.of(exchange);
        RequestLogContext.remember(exchange, requestId);
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> {
                    headers.set(HEADER, requestId);
                    headers.set(ClientAddress.HEADER, client);
                    headers.set(ClientAddress.SEAL_HEADER, clientAddress.seal(client));
                })
                .build();
        // set at commit, so the id the service echoes does not appear twice
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        long start = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> RequestLogContext.log(exchange, () -> access.info("{} {} {} {} ms client={}",
                        request.getMethod(), request.getPath().value(),
                        exchange.getResponse().getStatusCode() == null ? "-" : exchange.getResponse().getStatusCode().value(),
                        (System.nanoTime() - start) / 1_000_000, client)));
    }
}
