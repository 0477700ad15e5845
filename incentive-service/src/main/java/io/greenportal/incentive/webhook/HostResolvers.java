package io.greenportal.incentive.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The system's DNS for webhook hosts; a test defines its own {@link HostResolver} to play rebinding. */
@Configuration(proxyBeanMethods = false)
public class HostResolvers {

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }
}
