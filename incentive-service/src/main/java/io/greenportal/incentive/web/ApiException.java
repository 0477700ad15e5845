package io.greenportal.incentive.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on, rendered as an RFC 9457 problem detail: a stable {@code type}
 * slug, the offending {@code field} when there is one, and a message in plain words.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;

    public ApiException(HttpStatus status, String type, String field, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-field", field, detail);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", null, what + " was not found");
    }

    public static ApiException conflict(String type, String field, String detail) {
        return new ApiException(HttpStatus.CONFLICT, type, field, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", null, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }
}
