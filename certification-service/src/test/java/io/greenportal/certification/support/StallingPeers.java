package io.greenportal.certification.support;

import java.util.Map;

import io.greenportal.platform.registryfake.RegistryFake;
import io.greenportal.platform.test.FaultyProxy;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The proxies in front of the registry (the JVM's in-memory fake, registry-fake) and the real Keycloak (8180) that
 * {@link BehindStallingProxies} points the service at. One pair per test JVM, forwarding unless a test
 * stalls them; a test that stalls one resumes it when it ends.
 */
public final class StallingPeers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final FaultyProxy REGISTRY = FaultyProxy.to(RegistryFake.shared().port());
    public static final FaultyProxy KEYCLOAK = FaultyProxy.to(port("GP_KC_PORT", 8180));

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stalling-peers", Map.of(
                "spring.grpc.client.channels.registry.address", "static://127.0.0.1:" + REGISTRY.port(),
                "greenportal.keycloak.admin-url", "http://127.0.0.1:" + KEYCLOAK.port() + "/admin/realms/greenportal")));
    }

    /** Resumes both proxies (for a test's clean-up). */
    public static void resumeAll() {
        REGISTRY.resume();
        KEYCLOAK.resume();
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
