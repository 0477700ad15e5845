package io.greenportal.publicity.changefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.publicity.announcements.Announcement;
import io.greenportal.publicity.announcements.AnnouncementStore;
import io.greenportal.publicity.search.ListingIndexer;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * While Elasticsearch refuses writes (here: a write block on the live index, as a full disk would
 * set), changes wait: the position does not move past them and nothing of them is announced. Once
 * writes are accepted again they all arrive, once.
 */
@IntegrationTest
class ElasticsearchOutageTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ListingIndexer indexer;

    @Autowired
    FeedPositions positions;

    @Autowired
    RegistryFeed follower;

    @Autowired
    AnnouncementStore announcements;

    @Test
    void changesWaitWhileElasticsearchRefusesWritesAndNoneIsLost() throws Exception {
        Api api = new Api(rest);
        // the follower is idle when a listing registered now is searchable
        String sentinel = Registry.uniqueHan(5);
        Listing first = Registry.factory("宁夏" + sentinel + "硅业有限公司", "640181", 2024);
        Await.until(Duration.ofSeconds(60), "the follower caught up",
                () -> Api.ids(api.get("/api/v1/public/listings?q={q}", sentinel)).contains(first.getId()));
        String live = indexer.live();
        String mark = Registry.uniqueHan(5);
        Listing listing;
        client.indices().putSettings(p -> p.index(live).settings(s -> s.blocks(b -> b.write(true))));
        try {
            listing = Registry.factory("宁夏" + mark + "煤化工有限公司", "640181", 2024);
            Await.until(Duration.ofSeconds(20), "the follower met the refusal",
                    () -> follower.status().lastError() != null);
            long blockedAt = positions.lastSequence(FeedPositions.REGISTRY);
            System.out.printf("while blocked: %s%n", follower.status().lastError());
            long refused = follower.status().failedAttempts();
            Await.until(Duration.ofSeconds(20), "two more attempts refused",
                    () -> follower.status().failedAttempts() >= refused + 2);
            assertThat(positions.lastSequence(FeedPositions.REGISTRY)).as("the position waits").isEqualTo(blockedAt);
            assertThat(Api.ids(api.get("/api/v1/public/listings?q={q}", mark))).doesNotContain(listing.getId());
            assertThat(announcements.countForListing(listing.getId(), Announcement.Kind.NEW_LISTING)).isZero();
            // the public search keeps answering from what is indexed
            assertThat(api.get("/api/v1/public/listings?size=1").path("total").asLong()).isPositive();
        } finally {
            client.indices().putSettings(p -> p.index(live).settings(s -> s.blocks(b -> b.write(false))));
        }
        Await.until(Duration.ofSeconds(30), "indexed once writes are accepted again",
                () -> Api.ids(api.get("/api/v1/public/listings?q={q}", mark)).contains(listing.getId()));
        assertThat(announcements.countForListing(listing.getId(), Announcement.Kind.NEW_LISTING)).isEqualTo(1);
        Await.until(Duration.ofSeconds(5), "the follower is healthy again",
                () -> follower.status().lastError() == null && follower.status().failedAttempts() == 0);
    }
}
