package io.greenportal.platform.grpc.client;

import io.greenportal.platform.web.Problems;
import io.grpc.StatusRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A call to another service failed (not answering, deadline passed) while serving a REST request:
 * 503 with Retry-After; the request changed nothing and can be retried.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DependencyFailureAdvice {

    private static final Logger log = LoggerFactory.getLogger(DependencyFailureAdvice.class);

    @ExceptionHandler(StatusRuntimeException.class)
    ResponseEntity<ProblemDetail> dependency(StatusRuntimeException e) {
        log.warn("a call to another service failed: {}", e.getStatus());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", null,
                        "A service this one depends on did not answer; nothing was changed. Try again shortly."));
    }
}
