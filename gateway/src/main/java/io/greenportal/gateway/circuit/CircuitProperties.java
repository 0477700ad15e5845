package io.greenportal.gateway.circuit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a service's circuit opens: at least {@code minimumCalls} of the last {@code window} calls
 * were made and {@code failureRate} percent of them failed. It stays open for
 * {@code waitInOpenState} (the Retry-After given to callers), then lets {@code trialCalls} through
 * and closes when they succeed.
 */
@ConfigurationProperties("greenportal.gateway.circuit")
public record CircuitProperties(int window, int minimumCalls, float failureRate, Duration waitInOpenState,
        int trialCalls) {
}
