package io.greenportal.site.api;

import java.util.List;
import java.util.Map;

/**
 * The API refused the request with a 4xx problem detail: its status, the problem's slug (the last
 * part of its {@code type}), the fields it named and, for 429, the seconds to wait.
 */
public class ApiRefusal extends RuntimeException {

    private final int status;
    private final String problem;
    private final Map<String, String> fields;
    private final long retryAfterSeconds;

    public ApiRefusal(int status, String problem, String detail, Map<String, String> fields, long retryAfterSeconds) {
        super(status + " " + problem + ": " + detail);
        this.status = status;
        this.problem = problem == null ? "" : problem;
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String problem() {
        return problem;
    }

    /** Field name → the API's message, for every field the problem named. */
    public Map<String, String> fields() {
        return fields;
    }

    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
