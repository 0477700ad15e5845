package io.greenportal.gateway.circuit;

import java.net.ConnectException;
import java.net.UnknownHostException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.greenportal.gateway.web.Problems;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * One circuit per service (the route's {@code service} metadata). Only what the service itself got
 * wrong counts as a failure: a refused or timed-out connection, no answer within the response
 * timeout, or a 5xx. A client's 4xx, a client that went away and the gateway's own refusals (rate
 * limits, body size) never count, and nothing here limits how many requests are in flight: load is
 * shed only while the circuit is open, and it closes again by itself when trial calls succeed.
 */
@Component
public class ServiceCircuitFilter implements GlobalFilter, Ordered {

    /** Route metadata naming the service whose circuit guards the route. */
    public static final String SERVICE = "service";

    private final CircuitBreakerRegistry circuits;
    private final long retryAfterSeconds;

    public ServiceCircuitFilter(CircuitBreakerRegistry circuits, CircuitProperties properties) {
        this.circuits = circuits;
        this.retryAfterSeconds = Math.max(1, properties.waitInOpenState().toSeconds());
    }

    @Override
    public int getOrder() {
        return 0; // after rate limits and body limits: their refusals never reach a service
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object service = route == null ? null : route.getMetadata().get(SERVICE);
        if (service == null) {
            return chain.filter(exchange);
        }
        CircuitBreaker circuit = circuits.circuitBreaker(service.toString());
        if (!circuit.tryAcquirePermission()) {
            return unavailable(exchange, service + " is failing; the gateway is giving it a moment to recover");
        }
        long start = circuit.getCurrentTimestamp();
        return chain.filter(exchange)
                .doOnSuccess(done -> {
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    long elapsed = circuit.getCurrentTimestamp() - start;
                    if (status != null && status.is5xxServerError()) {
                        circuit.onError(elapsed, circuit.getTimestampUnit(), new ServiceAnswered5xx(status.value()));
                    } else {
                        circuit.onSuccess(elapsed, circuit.getTimestampUnit());
                    }
                })
                .onErrorResume(error -> {
                    long elapsed = circuit.getCurrentTimestamp() - start;
                    Failure failure = Failure.of(error);
                    if (failure == null) {
                        circuit.releasePermission();
                        return Mono.error(error);
                    }
                    circuit.onError(elapsed, circuit.getTimestampUnit(), error);
                    if (exchange.getResponse().isCommitted()) {
                        return Mono.error(error);
                    }
                    return failure == Failure.TIMEOUT
                            ? Problems.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
                                    "The " + service + " service did not answer in time; try again shortly")
                            : unavailable(exchange, "The " + service + " service is not answering; try again shortly");
                })
                .doFinally(signal -> {
                    if (signal == SignalType.CANCEL) { // the client went away: says nothing about the service
                        circuit.releasePermission();
                    }
                });
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", detail);
    }

    /** How a call to a service failed, or null when the error is not the service's doing. */
    enum Failure {
        CONNECT, TIMEOUT;

        static Failure of(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof ReadTimeoutException || cause instanceof java.util.concurrent.TimeoutException
                        || cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
                    return TIMEOUT;
                }
                if (cause instanceof ConnectException || cause instanceof UnknownHostException
                        || cause instanceof ConnectTimeoutException
                        || cause instanceof PrematureCloseException || cause instanceof AbortedException) {
                    return CONNECT;
                }
            }
            return null;
        }
    }

    /** Recorded as the failure of a call that the service answered with a 5xx. */
    static final class ServiceAnswered5xx extends RuntimeException {
        ServiceAnswered5xx(int status) {
            super("answered " + status, null, false, false);
        }
    }
}
