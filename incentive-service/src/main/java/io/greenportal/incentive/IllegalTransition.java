package io.greenportal.incentive;

import io.greenportal.platform.web.ApiException;

/** An action the resource's current state does not allow: 409 naming the resource and that state. */
public final class IllegalTransition {

    private IllegalTransition() {
    }

    public static ApiException of(String resource, Object currentState, String detail) {
        return ApiException.conflict("illegal-transition", null, detail)
                .withProperty("currentState", String.valueOf(currentState)).withProperty("resource", resource);
    }
}
