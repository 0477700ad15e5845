package io.greenportal.gateway.filters;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/** With Redis unreachable the gateway keeps routing, fast, with rate limits of its own, and says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.port=1", "greenportal.rate-limits.anonymous.replenish-rate=1",
        "greenportal.rate-limits.anonymous.burst-capacity=1"})
@AutoConfigureWebTestClient
class RedisDownTest {

    @Autowired
    WebTestClient web;

    @LocalManagementPort
    int managementPort;

    @Test
    void routesOnWithLimitsOfItsOwnAndReportsRedisDown() {
        // ten requests in a row against a burst of one at 1/s: the first routed, most others refused by
        // the gateway's own bucket (Lettuce refusing commands at once while disconnected, nobody waits);
        // how little that costs is the benchmark's (section 4)
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(web.get().uri("/api/v1/registry/reference/regions").exchange().returnResult(byte[].class)
                    .getStatus().value());
        }
        assertThat(statuses.getFirst()).isEqualTo(200);
        assertThat(statuses).containsOnly(200, 429).filteredOn(s -> s == 429).hasSizeGreaterThanOrEqualTo(5);

        // actuator answers on the management port only
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/health").exchange().expectBody(JsonNode.class).value(health ->
                assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("DOWN"));
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }
}
