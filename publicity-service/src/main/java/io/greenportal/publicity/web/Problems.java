package io.greenportal.publicity.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the portal's problem details: {@code type} is a stable URI per kind of problem. */
public final class Problems {

    public static final String TYPE_BASE = "https://greenportal.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        if (field != null) {
            problem.setProperty("field", field);
        }
        String requestId = org.slf4j.MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
