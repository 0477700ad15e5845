package io.greenportal.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rate limiter's script is bounded by RedisGuard alone; every other command keeps the client's time-out. */
@Tag("unit")
class RedisClientConfigTest {

    final RedisClientConfig.CommandTimeouts timeouts = new RedisClientConfig.CommandTimeouts(Duration.ofMillis(250));

    @Test
    void theRateLimitScriptHasNoClientTimeOutAndEverythingElseHasTheConfiguredOne() {
        assertThat(timeouts.getTimeout(new Command<>(CommandType.EVALSHA, null))).isZero();
        assertThat(timeouts.getTimeout(new Command<>(CommandType.EVAL, null))).isZero();
        for (CommandType other : new CommandType[] {CommandType.HGETALL, CommandType.HSET, CommandType.PING,
                CommandType.INFO, CommandType.DEL}) {
            assertThat(Duration.of(timeouts.getTimeout(new Command<>(other, null)), timeouts.getTimeUnit().toChronoUnit()))
                    .as(other.name()).isEqualTo(Duration.ofMillis(250));
        }
    }
}
