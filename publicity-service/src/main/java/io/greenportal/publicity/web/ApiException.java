package io.greenportal.publicity.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on, rendered as an RFC 9457 problem detail: a stable {@code type}
 * slug, the offending {@code field} when there is one, and a message in plain words.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;
    private final List<Violation> violations;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public ApiException(HttpStatus status, String type, String field, String detail) {
        this(status, type, field, detail, List.of());
    }

    private ApiException(HttpStatus status, String type, String field, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
        this.violations = violations;
    }

    /** One field that is wrong, and why. */
    public record Violation(String field, String message) {
    }

    /** Several fields are wrong: all are named in {@code errors}, the first one is {@code field}. */
    public static ApiException invalid(List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-field", violations.getFirst().field(), detail,
                List.copyOf(violations));
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

    public List<Violation> violations() {
        return violations;
    }

    /** Adds a member to the problem detail, e.g. the id of the resource a duplicate collides with. */
    public ApiException withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return properties;
    }
}
