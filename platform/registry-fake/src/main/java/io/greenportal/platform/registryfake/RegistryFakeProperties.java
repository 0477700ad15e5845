package io.greenportal.platform.registryfake;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context of a module at the JVM's {@link RegistryFake#shared() shared fake}:
 * {@code spring.grpc.client.channels.registry.address} becomes {@code static://127.0.0.1:<its port>},
 * so the service's own channel, interceptors and deadlines reach it unchanged. A module opts in with
 * one line in {@code src/test/resources/META-INF/spring.factories}:
 * <pre>
 * org.springframework.test.context.ContextCustomizerFactory=io.greenportal.platform.registryfake.RegistryFakeProperties
 * </pre>
 * An initializer of a test's own {@code @ContextConfiguration} runs later and may point the channel
 * elsewhere (e.g. at a proxy in front of the fake). Every context gets the same customizer, so the
 * context cache is unaffected.
 */
public final class RegistryFakeProperties implements ContextCustomizerFactory {

    public static final String ADDRESS = "spring.grpc.client.channels.registry.address";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("registry-fake",
                    Map.of(ADDRESS, RegistryFake.shared().address())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
