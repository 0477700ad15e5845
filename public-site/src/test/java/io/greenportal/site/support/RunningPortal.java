package io.greenportal.site.support;

/**
 * Where the portal that ./portal started answers. The site is visited through the gateway by
 * default (as the public reaches it); {@code GP_SITE_URL} points the browser elsewhere, e.g. at a
 * gateway or site started by hand from a work tree.
 */
public final class RunningPortal {

    public static final String GATEWAY = "http://127.0.0.1:" + env("GP_GATEWAY_PORT", "8080");
    public static final String SITE = env("GP_SITE_URL", GATEWAY);
    /** Where the test drives the workflow (as the demo users) to open a publicity notice. */
    public static final String API = env("GP_API_URL", GATEWAY);
    public static final String KEYCLOAK = "http://127.0.0.1:" + env("GP_KC_PORT", "8180");

    private RunningPortal() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
