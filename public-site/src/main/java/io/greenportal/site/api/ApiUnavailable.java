package io.greenportal.site.api;

/** The public API could not be asked, or failed (connection refused, time-out, 5xx). */
public class ApiUnavailable extends RuntimeException {

    public ApiUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
