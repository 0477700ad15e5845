package io.greenportal.gateway.web;

import java.util.Locale;

import io.greenportal.gateway.requestid.RequestLogContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers from within Spring is a problem detail like every other
 * refusal: its own 4xx (no route for the path, a method not allowed, an unreadable request) with the
 * framework's detail, and anything else (a 5xx, an unexpected exception) with a plain detail that
 * shows no internals; the exception is logged. Runs before Spring Boot's error handler (order -1),
 * whose answers are its own JSON or, for a browser, an HTML page.
 */
@Component
@Order(-2)
public class StatusProblems implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StatusProblems.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            return Mono.error(ex);
        }
        HttpStatus status = ex instanceof ErrorResponse error ? HttpStatus.resolve(error.getStatusCode().value()) : null;
        if (status == null || !status.isError()) {
            RequestLogContext.log(exchange, () -> log.error("{} {} failed in the gateway",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), ex));
            return Problems.write(exchange.getResponse(), HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "The gateway could not answer this request; its log has the reason under this request's id");
        }
        String detail = switch (status) {
            case NOT_FOUND -> "Nothing is served at " + exchange.getRequest().getPath().value()
                    + "; the portal's APIs are under /api/v1 (see /swagger-ui.html)";
            case METHOD_NOT_ALLOWED -> exchange.getRequest().getMethod() + " is not allowed here";
            default -> status.is4xxClientError() && ((ErrorResponse) ex).getBody().getDetail() != null
                    ? ((ErrorResponse) ex).getBody().getDetail() : status.getReasonPhrase();
        };
        if (status.is5xxServerError()) {
            RequestLogContext.log(exchange, () -> log.warn("{} {}: {}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), ex.toString()));
        }
        String type = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        return Problems.write(exchange.getResponse(), status, type, detail);
    }
}
