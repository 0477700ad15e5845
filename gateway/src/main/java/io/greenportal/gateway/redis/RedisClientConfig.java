package io.greenportal.gateway.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Redis down, commands fail at once instead of queueing until the timeout: rate limits then
 * fall back to the gateway's own buckets without adding latency, and the health endpoint reports
 * Redis as down.
 */
@Configuration(proxyBeanMethods = false)
public class RedisClientConfig {

    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastWhenDisconnected(DataRedisProperties redis) {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.builder().timeoutSource(new CommandTimeouts(redis.getTimeout())).build())
                .build());
    }

    /**
     * The rate limiter's script, run for every routed request, carries no time-out of the client's
     * own: {@link RedisGuard} bounds its wait with one watchdog. Lettuce's time-out puts a timer on
     * every command, and with it public searches that each waited for Redis had a p99 of 121-145 ms
     * at 4,500-5,400 requests/s, against 27-30 ms without (docs/profile/README.md). Every other
     * command (sessions, the health check) keeps {@code spring.data.redis.timeout}.
     */
    static final class CommandTimeouts extends TimeoutOptions.TimeoutSource {

        private final long nanos;

        CommandTimeouts(Duration timeout) {
            this.nanos = timeout == null ? Duration.ofSeconds(60).toNanos() : timeout.toNanos();
        }

        @Override
        public long getTimeout(RedisCommand<?, ?, ?> command) {
            return command.getType() == CommandType.EVALSHA || command.getType() == CommandType.EVAL ? 0 : nanos;
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.NANOSECONDS;
        }
    }
}
