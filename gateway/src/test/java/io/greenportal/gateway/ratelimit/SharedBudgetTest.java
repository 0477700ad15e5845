package io.greenportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.greenportal.gateway.redis.RedisGuard;
import io.greenportal.platform.test.FaultyProxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The general buckets decide in the gateway's memory and tell the shared Redis bucket afterwards:
 * a caller who spent its budget through other gateways is refused here too, and while Redis hangs
 * the limits still hold (each gateway's own bucket) instead of failing open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.namespace=test-${random.uuid}", "greenportal.gateway.trusted-proxy-hops=1",
        "greenportal.rate-limits.anonymous.replenish-rate=1", "greenportal.rate-limits.anonymous.burst-capacity=6",
        "greenportal.gateway.redis-guard.probe-interval=300ms"})
@AutoConfigureWebTestClient(timeout = "30s")
class SharedBudgetTest {

    static final String PUBLIC = "/api/v1/registry/reference/regions";
    static final FaultyProxy redis = startProxy();

    static FaultyProxy startProxy() {
        try {
            return new FaultyProxy(Integer.parseInt(System.getenv().getOrDefault("GP_REDIS_PORT", "6379")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void redisBehindTheProxy(DynamicPropertyRegistry properties) {
        properties.add("spring.data.redis.port", redis::port);
    }

    @AfterAll
    static void stopProxy() throws Exception {
        redis.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    @Autowired
    RedisGuard guard;

    @Autowired
    RateLimitProperties limits;

    final String address = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));

    @AfterEach
    void redisAnswersAgain() {
        redis.mode(FaultyProxy.Mode.FORWARD);
        await().atMost(Duration.ofSeconds(10)).until(guard::available);
    }

    int status() {
        return web.get().uri(PUBLIC).header("X-Forwarded-For", address).exchange().returnResult(byte[].class).getStatus()
                .value();
    }

    /** The answers up to the first 429, which must come within {@code within} requests. */
    int allowedBeforeRefusal(int within) {
        for (int i = 0; i < within; i++) {
            if (status() == 429) {
                return i;
            }
        }
        throw new AssertionError("no 429 within " + within + " requests");
    }

    static String spelledAsTheGatewayDoes(String address) {
        try {
            return java.net.InetAddress.getByName(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBudgetSpentThroughOtherGatewaysIsRefusedHereToo() {
        // another gateway's requests: the same shared bucket (namespace, bucket, caller), spent in Redis
        RedisRateLimiter otherGateway = new RedisRateLimiter(1, 6, 1);
        otherGateway.setApplicationContext(context);
        for (int i = 0; i < 6; i++) {
            assertThat(otherGateway.isAllowed(limits.namespace() + ".anonymous", "address:" + spelledAsTheGatewayDoes(address)).block()
                    .isAllowed()).isTrue();
        }
        assertThat(allowedBeforeRefusal(6)).as("answered before the shared verdict emptied this gateway's bucket of 6")
                .isLessThan(4);
    }

    @Test
    void whileRedisHangsEachGatewaysOwnBucketStillLimits() {
        redis.mode(FaultyProxy.Mode.STALL);
        assertThat(allowedBeforeRefusal(12)).as("the burst of 6, then 429 without Redis").isBetween(5, 7);
        await().atMost(Duration.ofSeconds(10)).until(() -> !guard.available());
        redis.mode(FaultyProxy.Mode.FORWARD);
        await().atMost(Duration.ofSeconds(10)).until(guard::available);
        assertThat(allowedBeforeRefusal(12)).as("still limited when Redis is back").isLessThan(12);
    }
}
