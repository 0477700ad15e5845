package io.greenportal.publicity.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.platform.test.Tokens;
import io.greenportal.publicity.changefeed.FeedLeadership;
import io.greenportal.publicity.changefeed.FeedPositions;
import io.greenportal.publicity.search.ListingIndex;
import io.greenportal.publicity.search.ListingIndexer;
import io.greenportal.publicity.search.ListingSearch;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IndexContents;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * A full rebuild replays the registry feed into a new index and moves the alias: the public search
 * answers throughout, changes made during the rebuild are all in the new index, and afterwards the
 * index holds exactly what the registry's feed says.
 */
@IntegrationTest
class RebuildTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    FeedLeadership leadership;

    @Autowired
    FeedPositions positions;

    @Autowired
    ListingIndexer indexer;

    @Autowired
    ListingIndex index;

    @Autowired
    ListingSearch search;

    @Autowired
    ElasticsearchClient client;

    @LocalServerPort
    int port;

    @AfterEach
    void following() {
        if (!leadership.isRunning()) {
            leadership.start();
        }
    }

    @Test
    void aRebuildWhileListingsArriveLosesNothingAndSearchAnswersThroughout() throws Exception {
        Api api = new Api(rest);
        Await.until(Duration.ofSeconds(60), "the index follows the registry", () -> indexer.live() != null
                && api.get("/api/v1/public/listings?size=1").path("total").asLong() > 0);
        String before = indexer.live();
        long totalBefore = api.get("/api/v1/public/listings?size=1&status=ALL").path("total").asLong();

        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
        AtomicLong smallestTotal = new AtomicLong(Long.MAX_VALUE);
        Thread searcher = Thread.ofPlatform().start(() -> {
            var http = java.net.http.HttpClient.newHttpClient();
            while (running.get()) {
                try {
                    var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + port + "/api/v1/public/listings?size=1&status=ALL")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    answers.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                    if (response.statusCode() == 200) {
                        smallestTotal.accumulateAndGet(Api.parse(response.body()).path("total").asLong(), Math::min);
                    }
                } catch (Exception e) {
                    answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                }
            }
        });
        String mark = Registry.uniqueHan(5);
        List<Listing> registered = new CopyOnWriteArrayList<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 30 && running.get(); i++) {
                Listing listing = Registry.factory("宁夏" + mark + "第" + i + "号铝业有限公司", "640205", 2021);
                registered.add(listing);
                if (i % 7 == 3) {
                    Registry.suspend(listing.getId(), "单位产品能耗超过评价要求，限期整改");
                }
            }
        });

        Await.until(Duration.ofSeconds(30), "some listings registered before the rebuild", () -> registered.size() >= 3);
        var accepted = rest.post().uri("/api/v1/public/admin/reindex")
                .header("Authorization", "Bearer " + Tokens.user("admin")).exchange()
                .expectStatus().isAccepted().expectBody(String.class).returnResult();
        JsonNode rebuild = Api.parse(accepted.getResponseBody());
        String id = rebuild.path("id").asString();
        assertThat(accepted.getResponseHeaders().getLocation().toString()).endsWith("/api/v1/public/admin/reindex/" + id);

        List<Integer> progress = new CopyOnWriteArrayList<>();
        Await.until(Duration.ofSeconds(120), "the rebuild finished", () -> {
            JsonNode state = Api.parse(rest.get().uri("/api/v1/public/admin/reindex/{id}", id)
                    .header("Authorization", "Bearer " + Tokens.user("admin")).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            progress.add(state.path("percent").asInt());
            assertThat(state.path("state").asString()).isNotEqualTo("FAILED");
            return "DONE".equals(state.path("state").asString());
        });
        writer.join();
        running.set(false);
        searcher.join();

        Await.until(Duration.ofSeconds(30), "every listing registered during the rebuild is in the new index",
                () -> IndexContents.all(search).keySet().containsAll(registered.stream().map(Listing::getId).toList()));
        String after = indexer.live();
        assertThat(after).isNotEqualTo(before);
        assertThat(index.aliased()).containsExactly(after);
        assertThat(client.indices().exists(e -> e.index(before)).value()).as("the old index is deleted").isFalse();

        leadership.stop();
        IndexContents.assertMatchesRegistry(search, positions.lastSequence(FeedPositions.REGISTRY));
        leadership.start();

        System.out.printf("rebuild %s: progress seen %s; searches during it: %s; smallest total seen %d (before %d)%n",
                id, progress, answers, smallestTotal.get(), totalBefore);
        assertThat(answers.keySet()).as("every search during the rebuild answered 200").containsOnly(200);
        assertThat(answers.get(200).get()).isGreaterThan(5);
        assertThat(smallestTotal.get()).as("the public never saw a half-built index").isGreaterThanOrEqualTo(totalBefore);
        JsonNode latest = Api.parse(rest.get().uri("/api/v1/public/admin/reindex")
                .header("Authorization", "Bearer " + Tokens.user("admin")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(latest.path("id").asString()).isEqualTo(id);
        assertThat(latest.path("documents").asLong()).isGreaterThanOrEqualTo(totalBefore);
        assertThat(latest.path("percent").asInt()).isEqualTo(100);
    }

    @Test
    void anIndexFromAnOlderDefinitionIsRebuiltWhenTheFollowerStarts() throws Exception {
        Api api = new Api(rest);
        Await.until(Duration.ofSeconds(60), "the index follows the registry", () -> indexer.live() != null
                && api.get("/api/v1/public/listings?size=1").path("total").asLong() > 0);
        leadership.stop();
        String old = indexer.live();
        assertThat(index.version(old)).isEqualTo(index.definitionVersion());
        // as if this index had been created by the service's previous release
        client.indices().putMapping(m -> m.index(old).meta("version", co.elastic.clients.json.JsonData.of(
                index.definitionVersion() - 1)));
        assertThat(index.version(old)).isEqualTo(index.definitionVersion() - 1);
        long total = api.get("/api/v1/public/listings?size=1&status=ALL").path("total").asLong();

        leadership.start();
        // the rebuild it asked for itself is recorded DONE last, after the switch and the old index's deletion
        java.util.concurrent.atomic.AtomicReference<JsonNode> latestRef = new java.util.concurrent.atomic.AtomicReference<>();
        Await.until(Duration.ofSeconds(120), "the rebuild the service asked for is done", () -> {
            JsonNode latest = Api.parse(rest.get().uri("/api/v1/public/admin/reindex")
                    .header("Authorization", "Bearer " + Tokens.user("admin")).exchange()
                    .expectBody(String.class).returnResult().getResponseBody());
            latestRef.set(latest);
            return IndexRebuilder.DEFINITION_CHANGED.equals(latest.path("requestedBy").asString(null))
                    && "DONE".equals(latest.path("state").asString(null));
        });
        JsonNode latest = latestRef.get();
        String live = indexer.live();
        assertThat(live).isNotEqualTo(old);
        assertThat(index.aliased()).containsExactly(live);
        assertThat(index.version(live)).isEqualTo(index.definitionVersion());
        assertThat(client.indices().exists(e -> e.index(old)).value()).as("the old index is deleted").isFalse();
        assertThat(api.get("/api/v1/public/listings?size=1&status=ALL").path("total").asLong()).isGreaterThanOrEqualTo(total);

        // started again on an index of the current definition, it asks for nothing
        leadership.stop();
        leadership.start();
        Await.until(Duration.ofSeconds(30), "the follower is back", () -> indexer.live() != null);
        Thread.sleep(2000);
        JsonNode after = Api.parse(rest.get().uri("/api/v1/public/admin/reindex")
                .header("Authorization", "Bearer " + Tokens.user("admin")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(after.path("id").asString()).isEqualTo(latest.path("id").asString());
    }

    @Test
    void onlyAdministratorsRebuild() {
        rest.post().uri("/api/v1/public/admin/reindex").exchange().expectStatus().isUnauthorized();
        rest.post().uri("/api/v1/public/admin/reindex").header("Authorization", "Bearer " + Tokens.user("ent-a"))
                .exchange().expectStatus().isForbidden();
        rest.post().uri("/api/v1/public/admin/reindex").header("Authorization", "Bearer " + Tokens.user("rev-prov"))
                .exchange().expectStatus().isForbidden();
        rest.post().uri("/api/v1/public/admin/reindex").header("Authorization", "Bearer " + Tokens.foreignRealm())
                .exchange().expectStatus().isUnauthorized();
        rest.get().uri("/api/v1/public/admin/reindex").exchange().expectStatus().isUnauthorized();
        rest.get().uri("/api/v1/public/admin/reindex").header("Authorization", "Bearer " + Tokens.client("bank-a"))
                .exchange().expectStatus().isForbidden();
        rest.get().uri("/api/v1/public/admin/reindex/{id}", java.util.UUID.randomUUID())
                .header("Authorization", "Bearer " + Tokens.user("admin")).exchange().expectStatus().isNotFound();
        rest.get().uri("/api/v1/public/admin/reindex/not-a-uuid")
                .header("Authorization", "Bearer " + Tokens.user("admin")).exchange().expectStatus().isBadRequest();
    }
}
