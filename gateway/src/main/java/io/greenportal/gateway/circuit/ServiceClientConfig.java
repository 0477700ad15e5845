package io.greenportal.gateway.circuit;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a service may take to start answering. Set on the HTTP client itself (a handler on the
 * connection's own event loop) rather than as the gateway's {@code response-timeout} property, which
 * arms and cancels a timer on another thread for every request: on two cores that hand-off cost
 * more CPU than the rest of the proxying.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClientConfig {

    @Bean
    HttpClientCustomizer serviceResponseTimeout(@Value("${greenportal.gateway.service-response-timeout:60s}") Duration timeout) {
        return client -> client.responseTimeout(timeout);
    }
}
