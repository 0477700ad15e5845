package io.greenportal.publicity.changefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.publicity.announcements.Announcement;
import io.greenportal.publicity.announcements.AnnouncementStore;
import io.greenportal.publicity.search.ListingDocument;
import io.greenportal.publicity.search.ListingIndexer;
import io.greenportal.publicity.search.ListingSearch;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IndexContents;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follower stopped in the middle of a stream of changes (as in a restart of the service) and
 * started again misses nothing and doubles nothing; a replay of the whole feed into the same index
 * (as after a crash between the index write and the stored position) changes nothing.
 */
@IntegrationTest
class RestartTest {

    @Autowired
    FeedLeadership leadership;

    @Autowired
    FeedPositions positions;

    @Autowired
    ListingSearch search;

    @Autowired
    ListingIndexer indexer;

    @Autowired
    AnnouncementStore announcements;

    @AfterEach
    void following() {
        if (!leadership.isRunning()) {
            leadership.start();
        }
    }

    @Test
    void aRestartInTheMiddleOfAStreamLosesNothingAndDoublesNothing() throws Exception {
        awaitCaughtUp();
        String mark = Registry.uniqueHan(5);
        List<Listing> registered = new CopyOnWriteArrayList<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 40; i++) {
                registered.add(Registry.factory("宁夏" + mark + "第" + i + "号化工有限公司", "640181", 2022));
            }
        });
        Await.until(Duration.ofSeconds(30), "10 listings registered", () -> registered.size() >= 10);
        leadership.stop();
        long stoppedAt = positions.lastSequence(FeedPositions.REGISTRY);
        writer.join();
        Registry.revoke(registered.getFirst().getId(), "申报材料弄虚作假，撤销称号");
        System.out.printf("stopped at sequence %d after %d of 40 registrations%n", stoppedAt, 10);

        leadership.start();
        Await.until(Duration.ofSeconds(30), "all 40 listings and the revocation indexed after the restart", () -> {
            var documents = IndexContents.all(search);
            ListingDocument first = documents.get(registered.getFirst().getId());
            return registered.stream().allMatch(l -> documents.containsKey(l.getId()))
                    && first != null && "REVOKED".equals(first.status());
        });

        leadership.stop();
        IndexContents.assertMatchesRegistry(search, positions.lastSequence(FeedPositions.REGISTRY));
        for (Listing listing : registered) {
            assertThat(announcements.countForListing(listing.getId(), Announcement.Kind.NEW_LISTING))
                    .as("one announcement of %s", listing.getId()).isEqualTo(1);
        }
        assertThat(announcements.countForListing(registered.getFirst().getId(), Announcement.Kind.REVOKED)).isEqualTo(1);

        // replay everything into the same index: versions keep the index as it is, announcements are not doubled
        long position = positions.lastSequence(FeedPositions.REGISTRY);
        positions.restart(FeedPositions.REGISTRY, indexer.live());
        leadership.start();
        Await.until(Duration.ofSeconds(60), "the replay caught up",
                () -> positions.lastSequence(FeedPositions.REGISTRY) >= position);
        leadership.stop();
        IndexContents.assertMatchesRegistry(search, positions.lastSequence(FeedPositions.REGISTRY));
        for (Listing listing : registered) {
            assertThat(announcements.countForListing(listing.getId(), Announcement.Kind.NEW_LISTING)).isEqualTo(1);
        }
        assertThat(announcements.countForListing(registered.getFirst().getId(), Announcement.Kind.REVOKED)).isEqualTo(1);
    }

    private void awaitCaughtUp() {
        Await.until(Duration.ofSeconds(60), "the follower caught up with the registry",
                () -> positions.lastSequence(FeedPositions.REGISTRY) > 0 && indexer.live() != null);
    }
}
