package io.greenportal.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What {@code /error} answers: errors that never reached a controller (Tomcat refused the request
 * line or a header, the security firewall refused a path, a filter failed) as the portal's problem
 * details, never Boot's JSON or HTML error page, and never the exception's message.
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            status = HttpStatus.NOT_FOUND; // /error asked for by a client: no error happened, and none is reported
        }
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "The request could not be read (its path, query or headers are not valid)";
            case NOT_FOUND -> "No such endpoint";
            case EXPECTATION_FAILED -> "Expect takes only 100-continue";
            case INTERNAL_SERVER_ERROR -> "The service could not complete the request; it has been logged.";
            default -> status.getReasonPhrase();
        };
        // Tomcat refuses an Expect other than 100-continue before any application code runs
        String field = status == HttpStatus.EXPECTATION_FAILED ? "Expect" : null;
        ProblemDetail problem = Problems.of(status, ProblemTypes.slug(status), field, detail);
        // the path the client asked for, not /error (an unreadable one, say a raw %00, is left out)
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String asked) {
            try {
                problem.setInstance(java.net.URI.create(asked));
            } catch (IllegalArgumentException e) {
                // not a URI: the problem goes without one
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
