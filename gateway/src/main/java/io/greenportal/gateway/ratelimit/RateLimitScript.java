package io.greenportal.gateway.ratelimit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's token-bucket script, read once at start-up. Its own bean reads the script
 * through a {@code ResourceScriptSource}, which Spring Data Redis asks "modified?" before every call:
 * a class-path look-up inside the jar and a {@code FileNotFoundException} with its stack trace for
 * every rate-limited request, about 6 % of the gateway's event-loop CPU at 100 requests/s
 * (docs/profile/README.md). A script inside the application's jar never changes while it runs.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitScript {

    @Bean
    static BeanPostProcessor rateLimitScriptReadOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return RedisRateLimiter.REDIS_SCRIPT_NAME.equals(name) && bean instanceof RedisScript<?> script
                        ? readOnce(script) : bean;
            }
        };
    }

    /** The same script and result type, from its text: its SHA-1 is computed once, never re-read. */
    static RedisScript<?> readOnce(RedisScript<?> script) {
        return RedisScript.of(script.getScriptAsString(), script.getResultType());
    }
}
