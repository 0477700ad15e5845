package io.greenportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;

@Tag("unit")
class RateLimitScriptTest {

    private static final String LUA = "return {1, redis.call('get', KEYS[1])}";

    /** A script resource that counts how often it is asked whether it changed. */
    private static final class CountingResource extends ByteArrayResource {
        final AtomicInteger lastModifiedChecks = new AtomicInteger();

        CountingResource() {
            super(LUA.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public long lastModified() {
            lastModifiedChecks.incrementAndGet();
            return 0;
        }
    }

    private static DefaultRedisScript<List> gatewayStyleScript(CountingResource resource) {
        var script = new DefaultRedisScript<List>();
        script.setScriptSource(new ResourceScriptSource(resource));
        script.setResultType(List.class);
        return script;
    }

    @Test
    void theGatewaysScriptIsNoLongerReadBackForEveryCall() {
        var resource = new CountingResource();
        var original = gatewayStyleScript(resource);
        String sha1 = original.getSha1();
        original.getSha1();
        assertThat(resource.lastModifiedChecks.get()).as("the library's bean asks the resource every call").isGreaterThanOrEqualTo(2);

        RedisScript<?> script = (RedisScript<?>) RateLimitScript.rateLimitScriptReadOnce()
                .postProcessAfterInitialization(original, RedisRateLimiter.REDIS_SCRIPT_NAME);
        int before = resource.lastModifiedChecks.get();
        for (int call = 0; call < 3; call++) {
            assertThat(script.getSha1()).isEqualTo(sha1);
        }
        assertThat(resource.lastModifiedChecks.get()).as("asked again after start-up").isEqualTo(before);
        assertThat(script.getScriptAsString()).isEqualTo(LUA);
        assertThat(script.getResultType()).isEqualTo(List.class);
    }

    @Test
    void otherBeansAreLeftAlone() {
        var resource = new CountingResource();
        var other = gatewayStyleScript(resource);
        assertThat(RateLimitScript.rateLimitScriptReadOnce().postProcessAfterInitialization(other, "someOtherScript"))
                .isSameAs(other);
        Object notAScript = "x";
        assertThat(RateLimitScript.rateLimitScriptReadOnce()
                .postProcessAfterInitialization(notAScript, RedisRateLimiter.REDIS_SCRIPT_NAME)).isSameAs(notAScript);
    }
}
