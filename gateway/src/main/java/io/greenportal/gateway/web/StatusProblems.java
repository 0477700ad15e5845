package io.greenportal.gateway.web;

import java.util.Locale;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * The gateway's own 4xx answers (no route for the path, a method not allowed, an unreadable request)
 * as problem details like every other refusal, instead of Spring's default error JSON. Runs before
 * Spring Boot's error handler (order -1); anything that is not a client error is left to it.
 */
@Component
@Order(-2)
public class StatusProblems implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!(ex instanceof ErrorResponse error) || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
        if (status == null || !status.is4xxClientError()) {
            return Mono.error(ex);
        }
        String detail = switch (status) {
            case NOT_FOUND -> "Nothing is served at " + exchange.getRequest().getPath().value()
                    + "; the portal's APIs are under /api/v1 (see /swagger-ui.html)";
            case METHOD_NOT_ALLOWED -> exchange.getRequest().getMethod() + " is not allowed here";
            default -> error.getBody().getDetail() != null ? error.getBody().getDetail() : status.getReasonPhrase();
        };
        String type = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        return Problems.write(exchange.getResponse(), status, type, detail);
    }
}
