package io.greenportal.gateway.connections;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Time-outs for clients and the cap on one address's concurrent connections; see {@link ClientConnections}. */
@ConfigurationProperties("greenportal.gateway.connections")
public record ConnectionProperties(Duration idleTimeout, Duration readTimeout, Duration requestTimeout,
        int maxPerAddress) {
}
