package io.greenportal.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.greenportal.platform.test.FaultyProxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Redis hangs (it accepts and never answers, as under {@code CLIENT PAUSE}): after a few slow calls
 * the gateway stops asking it, requests pass without waiting (rate limits counted in the gateway's
 * own buckets), the health
 * says so, and when Redis answers again the limits apply again without anyone restarting anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.namespace=test-${random.uuid}",
        "greenportal.rate-limits.anonymous.replenish-rate=1", "greenportal.rate-limits.anonymous.burst-capacity=3",
        "greenportal.gateway.redis-guard.probe-interval=300ms"})
@AutoConfigureWebTestClient(timeout = "30s")
class RedisHangTest {

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
    RedisGuard guard;

    @LocalManagementPort
    int managementPort;

    int status() {
        return web.get().uri(PUBLIC).exchange().returnResult(byte[].class).getStatus().value();
    }

    boolean limited() {
        for (int i = 0; i < 10; i++) {
            if (status() == 429) {
                return true;
            }
        }
        return false;
    }

    String guardHealth() {
        JsonNode health = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/health").exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        return health.get("components").get("redisGuard").get("status").asString();
    }

    @Test
    void aHungRedisIsBypassedAfterTheFirstSlowCallsAndLimitsResumeByThemselves() {
        assertThat(limited()).as("limits apply while Redis answers").isTrue();

        redis.mode(FaultyProxy.Mode.STALL);
        await().atMost(Duration.ofSeconds(10)).until(() -> status() > 0 && !guard.available());
        assertThat(guardHealth()).isEqualTo("DOWN");

        CircuitBreaker circuit = guard.circuit();
        long notPermitted = circuit.getMetrics().getNumberOfNotPermittedCalls();
        // admitted by the gateway's own bucket once it refilled, without waiting on Redis
        await().atMost(Duration.ofSeconds(10)).until(() -> status() == 200);
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(status());
        }
        // a burst of 3 at 1/s, counted in the gateway's memory: the flood that made Redis slow
        // does not switch its own limit off (it did, failing open)
        assertThat(statuses).as("limits hold while Redis hangs").contains(429).isSubsetOf(200, 429);
        assertThat(circuit.getMetrics().getNumberOfNotPermittedCalls())
                .as("none of them waited on Redis").isGreaterThanOrEqualTo(notPermitted + 21);

        redis.mode(FaultyProxy.Mode.FORWARD);
        await().atMost(Duration.ofSeconds(10)).until(guard::available);
        assertThat(guardHealth()).isEqualTo("UP");
        assertThat(limited()).as("limits apply again").isTrue();
    }
}
