package io.greenportal.platform.pgsignals;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * LISTEN/NOTIFY wake-ups. {@code greenportal.pg-signals.url}, {@code .username}, {@code .password}
 * default to {@code spring.datasource.*} (an empty URL means the datasource's too);
 * {@code .application-name} (what pg_stat_activity shows) to "&lt;spring.application.name&gt; (LISTEN)".
 */
@AutoConfiguration
public class PgSignalsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ListenConnections listenConnections(Environment environment) {
        return new ListenConnections(setting(environment, "url"), setting(environment, "username"),
                setting(environment, "password"), environment.getProperty("greenportal.pg-signals.application-name",
                        environment.getProperty("spring.application.name", "greenportal") + " (LISTEN)"));
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
