package io.greenportal.platform.web;

import java.net.URI;

import io.greenportal.platform.tracing.RequestIds;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The portal's problem details: {@code type} is a stable URI per kind of problem
 * ({@value #TYPE_BASE}&lt;slug&gt;), {@code field} names the offending input, and {@code requestId}
 * is the request id of the call (the tracing baggage, see RequestIds) so a client can quote it.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://greenportal.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        if (field != null) {
            problem.setProperty("field", TextRule.printable(field, 200));
        }
        String requestId = MDC.get(RequestIds.HEADER);
        if (requestId != null && !requestId.isEmpty()) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
