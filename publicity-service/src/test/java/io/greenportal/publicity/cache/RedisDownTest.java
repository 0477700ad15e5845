package io.greenportal.publicity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.greenportal.platform.test.Tokens;
import io.greenportal.publicity.search.ListingIndex;
import io.greenportal.publicity.search.ListingIndexer;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.StandaloneTest;
import io.greenportal.publicity.support.SyntheticIndex;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** With Redis unreachable (this context points at a port where nothing listens) every read still answers. */
@StandaloneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisDownTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    ListingIndex index;

    @Autowired
    ListingIndexer indexer;

    @Autowired
    PublicCache cache;

    @BeforeAll
    void fill() throws Exception {
        SyntheticIndex.ensure(index, indexer);
    }

    @Test
    void everyPublicReadAnswersUncached() {
        Api api = new Api(rest);
        List<Long> millis = new ArrayList<>();
        for (String uri : List.of("/api/v1/public/listings?q=合成测试企业12", "/api/v1/public/listings?type=GREEN_PARK",
                "/api/v1/public/listings/" + SyntheticIndex.id(7), "/api/v1/public/suggest?q=合成测试企业1",
                "/api/v1/public/statistics", "/api/v1/public/targets", "/api/v1/public/notices",
                "/api/v1/public/feed.json")) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                api.get(uri);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        rest.get().uri("/api/v1/public/feed.atom").exchange().expectStatus().isOk();
        JsonNode page = api.get("/api/v1/public/listings?q={q}", "合成测试企业12号");
        assertThat(page.path("items").get(0).path("enterprise").path("name").asString()).isEqualTo("宁夏合成测试企业12号有限公司");
        assertThat(api.get("/api/v1/public/statistics").path("total").asLong())
                .isEqualTo(SyntheticIndex.count(SyntheticIndex::listedByDefault));
        assertThat(api.get("/api/v1/public/targets?region=640000").path("targets").size()).isGreaterThanOrEqualTo(6);

        var status = cache.status();
        assertThat(status.available()).isFalse();
        assertThat(status.bypassed()).isGreaterThanOrEqualTo(24);
        assertThat(status.hits()).isZero();
        System.out.printf("answers with Redis down (ms): %s%n", millis);
    }

    @Test
    void theHealthDetailsSayRedisIsDownButTheServiceIsUp() {
        JsonNode health = Api.parse(rest.get().uri("/actuator/health").header("Authorization", "Bearer " + Tokens.user("admin"))
                .exchange().expectBody(String.class).returnResult().getResponseBody());
        assertThat(health.path("components").path("cache").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("cache").path("details").path("redis").asString()).startsWith("unavailable");
        assertThat(health.path("components").path("elasticsearch").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("feeds").path("details").path("following").asString()).isEqualTo("disabled");
        rest.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        rest.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        // without a token: status only
        JsonNode anonymous = Api.parse(rest.get().uri("/actuator/health").exchange().expectBody(String.class)
                .returnResult().getResponseBody());
        assertThat(anonymous.has("components")).isFalse();
    }
}
