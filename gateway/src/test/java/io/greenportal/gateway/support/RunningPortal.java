package io.greenportal.gateway.support;

/** Where the portal that ./portal started answers (the end-to-end tests go through it). */
public final class RunningPortal {

    public static final String GATEWAY = "http://127.0.0.1:" + System.getenv().getOrDefault("GP_GATEWAY_PORT", "8080");

    private RunningPortal() {
    }
}
