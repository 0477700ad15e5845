package io.greenportal.gateway.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code timeout}: the longest a call (or the background probe) waits for Redis; {@code slowCall}: slower calls count
 * against it too; {@code minimumCalls}: how many calls are judged before the circuit can open;
 * {@code probeInterval}: how often an open circuit pings Redis in the background.
 */
@ConfigurationProperties("greenportal.gateway.redis-guard")
public record RedisGuardProperties(Duration timeout, Duration slowCall, int minimumCalls, Duration probeInterval) {
}
