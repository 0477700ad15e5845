package io.greenportal.platform.pgsignals;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * LISTEN/NOTIFY wake-ups. {@code greenportal.pg-signals.url}, {@code .username}, {@code .password}
 * default to {@code spring.datasource.*}; an empty URL means the datasource's too.
 */
@AutoConfiguration
public class PgSignalsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ListenConnections listenConnections(Environment environment) {
        return new ListenConnections(setting(environment, "url"), setting(environment, "username"),
                setting(environment, "password"));
    }

    private static String setting(Environment environment, String name) {
        String own = environment.getProperty("greenportal.pg-signals." + name);
        return own == null || own.isBlank() ? environment.getProperty("spring.datasource." + name) : own;
    }

    @Bean
    @ConditionalOnMissingBean
    PgSignals pgSignals(ListenConnections connections) {
        return new PgSignals(connections);
    }
}
