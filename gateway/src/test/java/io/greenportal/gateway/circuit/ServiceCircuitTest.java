package io.greenportal.gateway.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.greenportal.platform.test.FaultyProxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The gateway in front of the running registry, reached through a proxy that can make it hang or
 * crash. Only the registry's own failures open its circuit; concurrency and clients' mistakes never
 * do; an open circuit answers 503 with Retry-After and closes again by itself. The 3 s service
 * time-out leaves a busy CI machine room for a slow but healthy answer, which would otherwise count
 * as a failure and keep the circuit from closing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.enabled=false",
        "greenportal.gateway.circuit.window=10", "greenportal.gateway.circuit.minimum-calls=5",
        "greenportal.gateway.circuit.wait-in-open-state=1s", "greenportal.gateway.circuit.trial-calls=2",
        "greenportal.gateway.service-response-timeout=3s"})
@AutoConfigureWebTestClient(timeout = "30s")
class ServiceCircuitTest {

    static final String PUBLIC = "/api/v1/registry/reference/regions";
    static final FaultyProxy registry = startProxy();

    static FaultyProxy startProxy() {
        try {
            return new FaultyProxy(Integer.parseInt(System.getenv().getOrDefault("GP_REGISTRY_PORT", "8081")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void registryBehindTheProxy(DynamicPropertyRegistry properties) {
        properties.add("GP_REGISTRY_PORT", registry::port);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    CircuitBreakerRegistry circuits;

    @AfterEach
    void healthyAgain() {
        registry.mode(FaultyProxy.Mode.FORWARD);
        circuits.circuitBreaker("registry").reset();
    }

    @AfterAll
    static void stopProxy() throws Exception {
        registry.close();
    }

    int status(String path) {
        return web.get().uri(path).exchange().returnResult(byte[].class).getStatus().value();
    }

    @Test
    void sixtyConcurrentCallsAreAllAnswered() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 60; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return status(PUBLIC);
                }));
            }
            start.countDown();
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        }
        assertThat(circuits.circuitBreaker("registry").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void clientErrorsNeverOpenTheCircuit() {
        for (int i = 0; i < 30; i++) {
            assertThat(status("/api/v1/registry/listings/not-a-listing")).isBetween(400, 499);
        }
        assertThat(circuits.circuitBreaker("registry").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(status(PUBLIC)).isEqualTo(200);
    }

    @Test
    void aCrashedServiceOpensTheCircuitWhichShedsThenRecoversByItself() {
        registry.mode(FaultyProxy.Mode.REFUSE);
        for (int i = 0; i < 5; i++) {
            web.get().uri(PUBLIC).exchange().expectStatus().isEqualTo(503)
                    .expectHeader().contentType("application/problem+json");
        }
        assertThat(circuits.circuitBreaker("registry").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        long notPermitted = circuits.circuitBreaker("registry").getMetrics().getNumberOfNotPermittedCalls();
        web.get().uri(PUBLIC).exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody(JsonNode.class).value(problem -> {
                    assertThat(problem.get("type").asString()).endsWith("/service-unavailable");
                    assertThat(problem.get("detail").asString()).contains("registry");
                });
        assertThat(circuits.circuitBreaker("registry").getMetrics().getNumberOfNotPermittedCalls())
                .as("shed without calling the registry").isEqualTo(notPermitted + 1);

        registry.mode(FaultyProxy.Mode.FORWARD);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(PUBLIC) == 200 && status(PUBLIC) == 200);
        assertThat(circuits.circuitBreaker("registry").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aHungServiceIsAGatewayTimeoutProblemAndCountsAgainstIt() {
        registry.mode(FaultyProxy.Mode.STALL);
        web.get().uri(PUBLIC).exchange().expectStatus().isEqualTo(504)
                .expectBody(JsonNode.class).value(problem ->
                        assertThat(problem.get("type").asString()).endsWith("/service-timeout"));
        assertThat(circuits.circuitBreaker("registry").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }
}
