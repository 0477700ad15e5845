package io.greenportal.publicity.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.contracts.certification.v1.BatchInfo;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeChangeKind;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.contracts.certification.v1.PublicityNotice;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.publicity.announcements.Announcement;
import io.greenportal.publicity.announcements.Announcements;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The certification feed's messages as the publicity service reads them. */
@Tag("unit")
class NoticeMapperTest {

    @Test
    void aPublishedNoticeKeepsWhatThePublicMaySee() {
        BatchInfo batch = BatchInfo.newBuilder().setId("b1").setName("2025年度第1批").setYear(2025).build();
        PublicityNotice notice = NoticeChangesTest.notice("n1", "宁夏绿源新材料有限公司", batch, NoticeChangesTest.at(-1),
                NoticeChangesTest.at(6), NoticeOutcome.PENDING, "");
        Notice mapped = NoticeMapper.notice(NoticeChangesTest.change(42, NoticeChangeKind.NOTICE_PUBLISHED, notice))
                .orElseThrow();
        assertThat(mapped.id()).isEqualTo("n1");
        assertThat(mapped.sequence()).isEqualTo(42);
        assertThat(mapped.batchId()).isEqualTo("b1");
        assertThat(mapped.batchYear()).isEqualTo(2025);
        assertThat(mapped.type()).isEqualTo("GREEN_FACTORY");
        assertThat(mapped.typeName()).isEqualTo("绿色工厂");
        assertThat(mapped.outcome()).isEqualTo("PENDING");
        assertThat(mapped.listingId()).isNull();
        assertThat(mapped.endsAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(mapped.endsAt().toEpochSecond()).isEqualTo(notice.getEndsAt().getSeconds());
    }

    @Test
    void anUnspecifiedOutcomeFollowsTheKindOfChange() {
        PublicityNotice notice = PublicityNotice.newBuilder().setId("n2").setEnterpriseName("x")
                .setType(ListingType.GREEN_PARK).build();
        assertThat(NoticeMapper.notice(NoticeChangesTest.change(1, NoticeChangeKind.NOTICE_PUBLISHED, notice))
                .orElseThrow().outcome()).isEqualTo("PENDING");
        assertThat(NoticeMapper.notice(NoticeChangesTest.change(2, NoticeChangeKind.NOTICE_CLOSED, notice))
                .orElseThrow().outcome()).isEqualTo("CLOSED");
        assertThat(NoticeMapper.notice(NoticeChange.newBuilder().setSequence(3).setKind(NoticeChangeKind.BATCH_OPENED)
                .build())).isEmpty();
    }

    @Test
    void aBatchOpeningIsABatchAndAnAnnouncement() {
        BatchInfo batch = BatchInfo.newBuilder().setId("b2").setName("2026年度省级绿色工厂申报").setYear(2026)
                .addTypes(ListingType.GREEN_FACTORY).addTypes(ListingType.GREEN_SUPPLY_CHAIN)
                .setDeadline(NoticeChangesTest.at(20)).setPublicityDays(5).build();
        NoticeChange change = NoticeChange.newBuilder().setSequence(7).setKind(NoticeChangeKind.BATCH_OPENED)
                .setOccurredAt(NoticeChangesTest.at(0)).setBatch(batch).build();
        Batch mapped = NoticeMapper.batch(change).orElseThrow();
        assertThat(mapped.types()).containsExactly("GREEN_FACTORY", "GREEN_SUPPLY_CHAIN");
        assertThat(mapped.publicityDays()).isEqualTo(5);
        Announcement announcement = Announcements.of(change).orElseThrow();
        assertThat(announcement.kind()).isEqualTo(Announcement.Kind.BATCH_OPENED);
        assertThat(announcement.title()).isEqualTo("申报批次开放：2026年度省级绿色工厂申报");
        assertThat(announcement.summary()).contains("绿色工厂、绿色供应链管理企业").contains("申报截止");
        assertThat(announcement.sourceSequence()).isEqualTo(7);
        assertThat(NoticeMapper.batch(NoticeChangesTest.change(8, NoticeChangeKind.NOTICE_PUBLISHED,
                PublicityNotice.newBuilder().setId("n").build()))).isEmpty();
    }
}
