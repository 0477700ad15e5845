package io.greenportal.certification.grpc;

import io.greenportal.certification.web.ApiException;
import io.grpc.Status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/** Domain refusals leave gRPC with the matching status code (never UNKNOWN) and the field named. */
@Configuration(proxyBeanMethods = false)
public class GrpcErrors {

    @Bean
    GrpcExceptionHandler apiExceptionHandler() {
        return exception -> exception instanceof ApiException e ? status(e).asException() : null;
    }

    static Status status(ApiException e) {
        Status status = switch (e.status()) {
            case BAD_REQUEST -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case FORBIDDEN -> Status.PERMISSION_DENIED;
            case CONFLICT -> e.type().startsWith("duplicate") ? Status.ALREADY_EXISTS : Status.FAILED_PRECONDITION;
            default -> Status.INTERNAL;
        };
        boolean named = e.field() != null && e.violations().isEmpty();
        return status.withDescription(named ? e.field() + ": " + e.getMessage() : e.getMessage());
    }
}
