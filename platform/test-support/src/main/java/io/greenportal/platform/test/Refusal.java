package io.greenportal.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.platform.web.ApiException;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What a refused request tells the client, read from what a rule throws: the problem detail's status,
 * stable type, the field (and every field when several are wrong), the detail and its extra members
 * (such as the current state of a refused transition). Unit tests of the rules assert on this, so
 * they name the exception type of the web edge (web-edge's ApiException) in this one place only.
 */
public record Refusal(int status, String type, String field, List<String> fields, String detail,
        Map<String, Object> properties) {

    /** Runs {@code call}, which must be refused. */
    public static Refusal of(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("a refusal (problem detail)").isInstanceOf(ApiException.class);
        ApiException e = (ApiException) thrown;
        List<String> fields = !e.violations().isEmpty() ? e.violations().stream().map(ApiException.Violation::field).toList()
                : e.field() == null ? List.of() : List.of(e.field());
        return new Refusal(e.status().value(), e.type(), e.field(), fields, e.getMessage(),
                Collections.unmodifiableMap(new LinkedHashMap<>(e.properties())));
    }
}
