package io.greenportal.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.greenportal.platform.tracing.RequestIds;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's problem details: {@code type} is a stable URI per kind of problem
 * ({@value #TYPE_BASE}&lt;slug&gt;), {@code field} names the offending input, and {@code requestId}
 * is the request id of the call (the tracing baggage, see RequestIds) so a client can quote it.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://greenportal.io/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** Writes a problem where no message converter runs (servlet filters, security handlers). */
    public static void write(HttpServletResponse response, HttpStatusCode status, String type, String field, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ProblemDetail problem = of(status, type, field, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
