package io.greenportal.publicity.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.Timestamp;

import io.greenportal.contracts.certification.v1.BatchInfo;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeChangeKind;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.contracts.certification.v1.PublicityNotice;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.publicity.changefeed.FeedPositions;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.IntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Notice changes as the certification feed will send them, applied as the follower applies them
 * (the certification service's WatchNotices does not exist yet on the shared infrastructure; the
 * end-to-end test over gRPC comes once it does): current and past notices with their end dates,
 * open batches, batch openings in the feed, and replays that change nothing.
 */
@IntegrationTest
class NoticeChangesTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    NoticeChanges changes;

    @Autowired
    NoticeFeed follower;

    @Autowired
    FeedPositions positions;

    @BeforeEach
    void quiet() {
        follower.stop();
    }

    @AfterEach
    void resume() {
        // the synthetic sequences are not the certification service's: follow its feed from the start again
        positions.restart(FeedPositions.CERTIFICATION, null);
        follower.start();
    }

    @Test
    void noticesAreCurrentUntilTheyEndOrCloseAndPastAfterwards() {
        long base = changes.position();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        BatchInfo batch = BatchInfo.newBuilder().setId("batch-" + tag).setName("2025年度第2批省级绿色制造名单申报 " + tag)
                .setYear(2025).addTypes(ListingType.GREEN_FACTORY).addTypes(ListingType.GREEN_PARK)
                .setOpensAt(at(-1)).setDeadline(at(30)).setPublicityDays(7).build();
        NoticeChange opened = NoticeChange.newBuilder().setSequence(base + 1).setKind(NoticeChangeKind.BATCH_OPENED)
                .setOccurredAt(at(0)).setBatch(batch).build();
        PublicityNotice running = notice("notice-a-" + tag, "宁夏公示甲" + tag + "有限公司", batch, at(-2), at(5),
                NoticeOutcome.PENDING, "");
        PublicityNotice ended = notice("notice-b-" + tag, "宁夏公示乙" + tag + "有限公司", batch, at(-9), at(-2),
                NoticeOutcome.PENDING, "");
        NoticeChange publishedA = change(base + 2, NoticeChangeKind.NOTICE_PUBLISHED, running);
        NoticeChange publishedB = change(base + 3, NoticeChangeKind.NOTICE_PUBLISHED, ended);

        changes.apply(List.of(opened, publishedA, publishedB));

        JsonNode notices = notices();
        JsonNode a = byId(notices.path("current"), running.getId());
        assertThat(a).as("a notice whose publicity runs is current").isNotNull();
        // compared as a time, not as text: OffsetDateTime.toString() leaves out ":00" seconds, the API does not
        java.time.OffsetDateTime endsAt = java.time.OffsetDateTime.parse(a.path("endsAt").asString());
        assertThat(endsAt.toInstant()).isEqualTo(Instant.ofEpochSecond(running.getEndsAt().getSeconds()));
        assertThat(endsAt.getOffset()).as("Beijing time").isEqualTo(java.time.ZoneOffset.ofHours(8));
        assertThat(a.path("outcome").asString()).isEqualTo("PENDING");
        assertThat(a.path("typeName").asString()).isEqualTo("绿色工厂");
        assertThat(a.path("batchName").asString()).isEqualTo(batch.getName());
        assertThat(byId(notices.path("current"), ended.getId())).as("ended publicity is past").isNull();
        assertThat(byId(notices.path("past").path("items"), ended.getId())).isNotNull();
        assertThat(byId(notices.path("openBatches"), batch.getId())).isNotNull();
        assertThat(batchOpeningsInFeed(batch.getId())).isEqualTo(1);

        PublicityNotice approved = running.toBuilder().setOutcome(NoticeOutcome.APPROVED)
                .setListingId(UUID.randomUUID().toString()).setCertificateNumber("GF-640000-2026-0042").build();
        changes.apply(List.of(change(base + 4, NoticeChangeKind.NOTICE_CLOSED, approved)));
        notices = notices();
        assertThat(byId(notices.path("current"), running.getId())).as("a closed notice is no longer current").isNull();
        JsonNode closed = byId(notices.path("past").path("items"), running.getId());
        assertThat(closed.path("outcome").asString()).isEqualTo("APPROVED");
        assertThat(closed.path("listingId").asString()).isEqualTo(approved.getListingId());

        // replays and late duplicates change nothing
        changes.apply(List.of(opened, publishedA, publishedB, change(base + 4, NoticeChangeKind.NOTICE_CLOSED, approved)));
        assertThat(changes.position()).isEqualTo(base + 4);
        assertThat(batchOpeningsInFeed(batch.getId())).isEqualTo(1);
        JsonNode single = Api.parse(rest.get().uri("/api/v1/public/notices/{id}", running.getId()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(single.path("outcome").asString()).isEqualTo("APPROVED");
        assertThat(single.path("certificateNumber").asString()).as("the approved notice names the certificate")
                .isEqualTo("GF-640000-2026-0042");
        assertThat(closed.path("certificateNumber").asString()).isEqualTo("GF-640000-2026-0042");
    }

    private JsonNode notices() {
        return new Api(rest).get("/api/v1/public/notices?size=100");
    }

    private int batchOpeningsInFeed(String batchId) {
        int count = 0;
        for (JsonNode item : new Api(rest).get("/api/v1/public/feed.json").path("items")) {
            if (batchId.equals(item.path("_greenportal").path("batchId").asString())) {
                assertThat(item.path("title").asString()).startsWith("申报批次开放：");
                count++;
            }
        }
        return count;
    }

    static JsonNode byId(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (id.equals(n.path("id").asString())) {
                return n;
            }
        }
        return null;
    }

    static Timestamp at(int days) {
        return Timestamp.newBuilder().setSeconds(Instant.now().plus(Duration.ofDays(days)).getEpochSecond()).build();
    }

    static PublicityNotice notice(String id, String enterprise, BatchInfo batch, Timestamp starts, Timestamp ends,
            NoticeOutcome outcome, String listingId) {
        return PublicityNotice.newBuilder().setId(id).setApplicationId("application-" + id).setBatch(batch)
                .setType(ListingType.GREEN_FACTORY).setEnterpriseName(enterprise).setUscc("91640100MA76A00010")
                .setRegionCode("640106").setIndustryCode("C26").setSubjectName(enterprise + "生产基地")
                .setStartsAt(starts).setEndsAt(ends).setOutcome(outcome).setListingId(listingId).build();
    }

    static NoticeChange change(long sequence, NoticeChangeKind kind, PublicityNotice notice) {
        return NoticeChange.newBuilder().setSequence(sequence).setKind(kind).setOccurredAt(at(0)).setNotice(notice).build();
    }
}
