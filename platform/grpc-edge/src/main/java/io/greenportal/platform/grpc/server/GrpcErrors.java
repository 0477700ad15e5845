package io.greenportal.platform.grpc.server;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Failures;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Refusals leave gRPC with the matching status code and the field named: 400 INVALID_ARGUMENT,
 * 404 NOT_FOUND, 403 PERMISSION_DENIED, 409 ALREADY_EXISTS (a {@code duplicate-*} type) or
 * FAILED_PRECONDITION, 503 UNAVAILABLE; a missing or bad token UNAUTHENTICATED, a role that may not
 * call PERMISSION_DENIED. Anything unexpected is INTERNAL (and logged), never UNKNOWN.
 */
public class GrpcErrors implements GrpcExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

    @Override
    public StatusException handleException(Throwable exception) {
        if (exception instanceof StatusRuntimeException e) {
            return e.getStatus().asException(e.getTrailers());
        }
        if (exception instanceof StatusException e) {
            return e;
        }
        if (exception instanceof ApiException e) {
            return status(e).asException();
        }
        if (exception instanceof AuthenticationException) {
            return Status.UNAUTHENTICATED.withDescription("A valid bearer token from the portal's Keycloak realm is required")
                    .asException();
        }
        if (exception instanceof AccessDeniedException) {
            return Status.PERMISSION_DENIED.withDescription("Your role does not allow this").asException();
        }
        if (Failures.databaseBusy(exception)) {
            return Status.UNAVAILABLE.withDescription("The service is too busy to take this call now; nothing was changed. "
                    + "Retry after " + Failures.RETRY_AFTER_SECONDS + " seconds.").asException();
        }
        if (Failures.refusedData(exception)) {
            return Status.INVALID_ARGUMENT.withDescription("A value of the request cannot be stored (too long, out of range "
                    + "or not valid text)").asException();
        }
        if (Failures.raced(exception)) {
            return Status.ALREADY_EXISTS.withDescription(Failures.RACED).asException();
        }
        log.error("unexpected error in a gRPC call", exception);
        return Status.INTERNAL.withDescription("The service could not complete the call; it has been logged.")
                .asException();
    }

    public static Status status(ApiException e) {
        Status status = switch (e.status()) {
            case BAD_REQUEST -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case FORBIDDEN -> Status.PERMISSION_DENIED;
            case CONFLICT -> e.type().startsWith("duplicate") ? Status.ALREADY_EXISTS : Status.FAILED_PRECONDITION;
            case SERVICE_UNAVAILABLE -> Status.UNAVAILABLE;
            default -> Status.INTERNAL;
        };
        boolean named = e.field() != null && e.violations().isEmpty();
        return status.withDescription(named ? e.field() + ": " + e.getMessage() : e.getMessage());
    }
}
