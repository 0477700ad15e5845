package io.greenportal.gateway.fallback;

import io.greenportal.gateway.limits.BodySizeLimitFilter;
import io.greenportal.gateway.web.Problems;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Where an open circuit or a failed call to a service ends: a 503 problem, never a hang. */
@RestController
public class FallbackController {

    @RequestMapping("/fallback/{service}")
    public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        Long limit = exchange.getAttribute(BodySizeLimitFilter.LIMIT_ATTRIBUTE);
        if (BodySizeLimitFilter.BodyTooLargeException.causedBy(cause) && limit != null) {
            return BodySizeLimitFilter.tooLarge(exchange, limit);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set("Retry-After", "5");
        return Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "The " + service + " service is not answering; try again shortly");
    }
}
