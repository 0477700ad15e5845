package io.greenportal.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.greenportal.platform.test.FaultyProxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A publicity-day crowd in front of the running publicity service, reached through a proxy that can
 * make it crash: a search asked once passes without being kept, one asked again is kept; identical
 * searches arriving together cost the service one call, not one each, and while the service cannot
 * answer, readers get the last answer (with its true Age) instead of a 503, until it is older than
 * the stale-if-error allowance. The gateway's own settings (min-uses 2) except for short waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.enabled=false", "greenportal.gateway.public-read-cache.stale-if-error=3s",
        "greenportal.gateway.circuit.wait-in-open-state=1s", "greenportal.gateway.public-read-cache.coalesce-wait=30s"})
@AutoConfigureWebTestClient(timeout = "30s")
class PublicReadCrowdTest {

    static final FaultyProxy publicity = FaultyProxy.to(
            Integer.parseInt(System.getenv().getOrDefault("GP_PUBLICITY_PORT", "8084")));

    @DynamicPropertySource
    static void publicityBehindTheProxy(DynamicPropertyRegistry properties) {
        properties.add("GP_PUBLICITY_PORT", publicity::port);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    PublicReadCache cache;

    @Autowired
    CircuitBreakerRegistry circuits;

    String search;

    @BeforeEach
    void aQueryOfItsOwn() {
        cache.clear();
        search = "/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5&size=3&t=" + UUID.randomUUID();
    }

    @AfterEach
    void healthyAgain() {
        publicity.mode(FaultyProxy.Mode.FORWARD);
        circuits.circuitBreaker("publicity").reset();
    }

    @AfterAll
    static void stopProxy() throws Exception {
        publicity.close();
    }

    EntityExchangeResult<byte[]> get(String path) {
        return web.get().uri(path).exchange().expectBody().returnResult();
    }

    /** Whether an answer to this test's search is in memory (by its unique t=, however the client encoded the rest). */
    boolean kept(String path) {
        String unique = path.substring(path.indexOf("&t="));
        return cache.keys().stream().anyMatch(key -> key.contains(unique + " "));
    }

    @Test
    void aSearchAskedOnceIsPassedOnAndOnlyOneAskedAgainIsKept() {
        EntityExchangeResult<byte[]> once = get(search);
        assertThat(once.getStatus().value()).isEqualTo(200);
        assertThat(kept(search)).as("an answer asked for once").isFalse();

        EntityExchangeResult<byte[]> again = get(search);
        assertThat(again.getResponseHeaders().containsHeader("Age")).as("the second ask still reaches the service").isFalse();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(kept(search)).as("an answer asked for twice, among %s", cache.keys()).isTrue());
        EntityExchangeResult<byte[]> third = get(search);
        assertThat(third.getResponseHeaders().getFirst("Age")).as("the third is answered from memory").isNotNull();
        assertThat(third.getResponseBody()).isEqualTo(again.getResponseBody());
    }

    @Test
    void identicalSearchesArrivingTogetherCostTheServiceOneCall() throws Exception {
        long before = publicity.bytesFromClients();
        assertThat(get(search + "&solo").getStatus().value()).isEqualTo(200);
        long oneCall = publicity.bytesFromClients() - before;

        List<Future<Integer>> calls = new ArrayList<>();
        long beforeCrowd = publicity.bytesFromClients();
        publicity.stall(); // the first search is held on its way, so the crowd surely arrives meanwhile
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                calls.add(threads.submit(() -> get(search).getStatus().value()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> cache.waiting() == 29);
            publicity.resume();
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        }
        long crowd = publicity.bytesFromClients() - beforeCrowd;
        assertThat(crowd).as("bytes sent to the service for 30 identical searches, against %d for one", oneCall)
                .isLessThan(3 * oneCall);
    }

    @Test
    void aCrashedServiceIsStoodInForByItsLastAnswerForAWhile() {
        get(search); // asked twice, so it is kept
        EntityExchangeResult<byte[]> first = get(search);
        assertThat(first.getStatus().value()).isEqualTo(200);
        publicity.mode(FaultyProxy.Mode.REFUSE);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            EntityExchangeResult<byte[]> answer = get(search);
            assertThat(answer.getStatus().value()).as("a reader while the service is down").isEqualTo(200);
            assertThat(answer.getResponseBody()).isEqualTo(first.getResponseBody());
            return Integer.parseInt(answer.getResponseHeaders().getFirst("Age")) >= 2; // past its max-age of 1 s
        });

        // past max-age (1 s) + stale-if-error (3 s) the answer is gone: the failure shows
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(search).getStatus().value() == 503);
    }
}
