package io.greenportal.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value the web edge's strict reading refuses, with the reason in words (the problem detail
 * says it after the field's path). Never carries the value itself: it may be the hostile part.
 */
public final class RefusedValue extends MismatchedInputException {

    private final String reason;

    RefusedValue(JsonParser p, String reason, Class<?> targetType) {
        super(p, reason, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
