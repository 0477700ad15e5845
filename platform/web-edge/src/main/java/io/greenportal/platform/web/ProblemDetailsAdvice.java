package io.greenportal.platform.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves the service as an RFC 9457 problem detail ({@link Problems}) naming the
 * offending field. Nothing a client sends may surface as a 500 or a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Pattern PARAMETER_NAME = Pattern.compile("Parameter \\[([^\\]]{1,64})\\]");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.type(), e.field(), e.getMessage());
        if (!e.violations().isEmpty()) {
            problem.setProperty("errors", e.violations());
        }
        e.properties().forEach(problem::setProperty);
        var response = problem(e.status());
        e.headers().forEach(response::header);
        return response.body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> required = e.getRequiredType();
        if (required != null && Collection.class.isAssignableFrom(required)) {
            // a list parameter (?state=A,B): what each item must be, not "must be a list"
            Class<?> item = ResolvableType.forMethodParameter(e.getParameter())
                    .asCollection().resolveGeneric(0);
            required = item != null ? item : required;
        }
        return mismatch(e.getName(), e.getValue(), required);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "value";
        return problem(HttpStatus.BAD_REQUEST).body(mismatch(name, e.getValue(), e.getRequiredType()).getBody());
    }

    /**
     * A parameter that does not convert: the value as the client sent it (several values of a
     * repeated parameter as a list, control characters escaped, cut short), never a Java rendering.
     */
    private static ResponseEntity<ProblemDetail> mismatch(String name, Object value, Class<?> required) {
        Class<?> type = required != null && required.isArray() ? required.getComponentType() : required;
        String expected = InputTypes.expected(type);
        String shown = value instanceof Object[] values ? Arrays.stream(values).map(String::valueOf)
                .collect(Collectors.joining(", ")) : String.valueOf(value);
        String field = TextRule.printable(name, 64);
        return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", field,
                field + ": '" + TextRule.printable(shown, 80) + "' is not valid" + (expected == null ? "" : "; " + expected)));
    }

    /** Tomcat could not decode a query parameter: its percent-escapes do not spell UTF-8 (%E6%B0, %FF). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e) {
        var name = PARAMETER_NAME.matcher(String.valueOf(e.getMessage()));
        String field = name.find() ? TextRule.printable(name.group(1), 64) : "query";
        return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-encoding", field,
                field + ": is not UTF-8 text (its percent-escapes must spell UTF-8)"));
    }

    /** A multipart body Tomcat cannot parse (e.g. control characters in a part's file name); too large is below. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-multipart", "file",
                "The multipart upload could not be read: send one part named 'file' with a plain file name"));
    }

    /** Spring Security's firewall refused a parameter (its name or value) when it was first read. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", null,
                "A parameter name or value is not allowed (control characters, or characters outside printable text)"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", null, "Your role does not allow this"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (Failures.databaseBusy(e)) {
            log.warn("no database connection within the pool's timeout: answered 503 ({})", e.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Failures.RETRY_AFTER_SECONDS)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-busy", null,
                            "The service is too busy to take this request now; nothing was changed. Retry after "
                                    + Failures.RETRY_AFTER_SECONDS + " seconds."));
        }
        if (Failures.refusedData(e)) {
            // a value a rule should have refused first; still the client's input, never a 500
            log.warn("the database refused a value of a request: {}", Failures.sqlState(e));
            return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", null,
                    "A value of the request cannot be stored (too long, out of range or not valid text)"));
        }
        if (Failures.raced(e)) {
            log.warn("a unique key another request stored first: answered 409 ({})", e.toString());
            return problem(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "conflict", null, Failures.RACED));
        }
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", null, "The service could not complete the request; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyProblem problem = BodyProblem.of(e.getCause());
        return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, problem.type(), problem.field(),
                problem.detail()));
    }

    /** Every problem the base class builds gets a type and the request id; none says more than its detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemDetail typed = Problems.of(status, ProblemTypes.slug(status), null,
                    status.is5xxServerError() ? "The service could not complete the request; it has been logged."
                            : problem.getDetail());
            return problem(response.getStatusCode()).headers(response.getHeaders()).body(typed);
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        log.error("a parameter type without a converter", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", null, "The service could not complete the request; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-field",
                e.getParameterName(), e.getParameterName() + " is required"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-field",
                e.getRequestPartName(), e.getRequestPartName() + " is required"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (partHeadersTooLong(e)) {
            return problem(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "file",
                    "the file name must be at most " + UploadFileNames.MAX_LENGTH + " characters"));
        }
        return problem(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge().getBody());
    }

    /**
     * Tomcat limits a part's headers (a few hundred bytes), and Spring reports that as an upload too
     * large; what was too long is the file name, a 400 of the field like any other name.
     */
    private static boolean partHeadersTooLong(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("Header section has more than")) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "too-large", "file", "The upload is larger than allowed"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(status).headers(headers).body(Problems.of(status, "method-not-allowed", null,
                e.getMethod() + " is not supported here"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).distinct().limit(3)
                .collect(java.util.stream.Collectors.joining(", "));
        return problem(status).headers(headers).body(Problems.of(status, "unsupported-media-type", HttpHeaders.CONTENT_TYPE,
                "Content type " + (sent == null ? "(none)" : TextRule.printable(sent, 64)) + " is not supported here"
                        + (supported.isEmpty() ? "" : "; send " + supported)));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found", null,
                "No such endpoint"));
    }

    /**
     * Problems are always JSON, whatever the request's Accept says: with a negotiated type a client
     * asking for XML or CSV got the status with an empty body, and lost the field and detail.
     */
    private static ResponseEntity.BodyBuilder problem(HttpStatusCode status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
