package io.greenportal.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on, rendered as an RFC 9457 problem detail ({@link Problems}): a
 * stable {@code type} slug, the offending {@code field} when there is one, and a message in plain
 * words. Over gRPC the same refusal becomes the matching status code (grpc-edge).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;
    private final List<Violation> violations;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

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

    /** Something this service depends on did not answer; nothing was changed and the client may retry. */
    public static ApiException unavailable(String type, String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, type, null, detail);
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

    /** Adds a member to the problem detail, e.g. the state a transition was refused from. */
    public ApiException withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** A response header to send with the problem, e.g. Retry-After on 429. */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
