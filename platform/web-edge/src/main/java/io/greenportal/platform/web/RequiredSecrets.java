package io.greenportal.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Secrets have no public defaults. A service lists its secrets in
 * {@code greenportal.secrets.required} ({@code property=VARIABLE,...}); when one is empty at start-up
 * the service stops with a message naming the variable to set, unless it runs in the local portal
 * ({@code greenportal.local-portal}, GP_LOCAL_PORTAL=true, which only {@code ./portal} sets): there it
 * gets a development value of its own (stable across restarts, derived from the property's name,
 * never valid anywhere else because nothing else sets GP_LOCAL_PORTAL).
 */
public class RequiredSecrets implements EnvironmentPostProcessor, Ordered {

    public static final String LIST = "greenportal.secrets.required";
    public static final String LOCAL_PORTAL = "greenportal.local-portal";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String list = environment.getProperty(LIST, "");
        boolean local = environment.getProperty(LOCAL_PORTAL, Boolean.class, false);
        Map<String, Object> localValues = new LinkedHashMap<>();
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split("=", 2);
            String property = parts[0].strip();
            String variable = parts.length > 1 ? parts[1].strip() : property;
            String value = environment.getProperty(property, "");
            if (!value.isBlank()) {
                continue;
            }
            if (!local) {
                throw new IllegalStateException("The secret " + property + " is not set: set " + variable
                        + " to a random value of at least 32 characters (the same on every instance of the service). "
                        + "Only the local portal (GP_LOCAL_PORTAL=true) runs without it.");
            }
            localValues.put(property, localValue(property));
        }
        if (!localValues.isEmpty()) {
            // first: the blank these stand in for (a "${VAR:}" in application.yml) must not win over them
            environment.getPropertySources().addFirst(new MapPropertySource("greenportal-local-portal-secrets", localValues));
        }
    }

    /** The development value the local portal gives {@code property} (the gateway's end-to-end tests mirror it). */
    static String localValue(String property) {
        return "local-portal-only-" + digest(property);
    }

    private static String digest(String property) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("greenportal local portal " + property).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After the configuration files are read (their lists and values are what it checks). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
