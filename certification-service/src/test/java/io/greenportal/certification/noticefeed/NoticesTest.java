package io.greenportal.certification.noticefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ListingType;
import io.greenportal.certification.batch.Batch;
import io.greenportal.certification.support.Applications;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeChangeKind;
import io.greenportal.contracts.certification.v1.NoticeOutcome;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The public notices (公示) the certification feed carries: what the public may see of a candidate,
 * one notice per application and round, and when a notice ended. The log is a recorder here.
 */
@Tag("unit")
class NoticesTest {

    static final OffsetDateTime STARTS = OffsetDateTime.parse("2025-06-02T10:00:00+08:00");
    static final OffsetDateTime ENDS = STARTS.plusDays(5);
    static final Batch BATCH = new Batch(Applications.BATCH, "2025年度省级绿色制造名单第一批", 2025,
            List.of(ListingType.GREEN_FACTORY, ListingType.GREEN_PARK), OffsetDateTime.parse("2025-03-15T08:00:00+08:00"),
            OffsetDateTime.parse("2025-04-30T17:00:00+08:00"), 5, new BigDecimal("80.00"), 3, "admin",
            OffsetDateTime.parse("2025-03-01T09:00:00+08:00"));

    final List<NoticeChange> appended = new ArrayList<>();
    final Notices notices = new Notices(new NoticeLog(null, null) {
        @Override
        public long append(NoticeChange.Builder change, OffsetDateTime occurredAt) {
            appended.add(change.setSequence(appended.size() + 1).setOccurredAt(NoticeLog.timestamp(occurredAt)).build());
            return appended.size();
        }
    });

    final Application candidate = Applications.inPublicity(Applications.factory(ApplicationState.PUBLICITY, 2), STARTS, ENDS);

    @Test
    void aPublishedCandidateShowsWhatThePublicMaySee() {
        notices.published(candidate, BATCH, STARTS);
        var change = appended.getFirst();
        assertThat(change.getKind()).isEqualTo(NoticeChangeKind.NOTICE_PUBLISHED);
        var notice = change.getNotice();
        assertThat(notice.getId()).isEqualTo(candidate.id() + "-2");
        assertThat(notice.getEnterpriseName()).isEqualTo("宁夏绿源新材料有限公司");
        assertThat(notice.getUscc()).isEqualTo("91640100MA76A00010");
        assertThat(notice.getRegionCode()).isEqualTo("640106");
        assertThat(notice.getSubjectName()).isEqualTo("金凤区新材料生产基地");
        assertThat(notice.getOutcome()).isEqualTo(NoticeOutcome.PENDING);
        assertThat(notice.getStartsAt().getSeconds()).isEqualTo(STARTS.toEpochSecond());
        assertThat(notice.getEndsAt().getSeconds()).isEqualTo(ENDS.toEpochSecond());
        assertThat(notice.getBatch().getName()).isEqualTo("2025年度省级绿色制造名单第一批");
        assertThat(notice.getBatch().getPublicityDays()).isEqualTo(5);
        assertThat(notice.getListingId()).as("not listed yet").isEmpty();
    }

    @Test
    void aCandidatePublishedAgainAfterReworkIsANewNotice() {
        var firstRound = Applications.inPublicity(Applications.factory(ApplicationState.PUBLICITY, 1), STARTS, ENDS);
        assertThat(Notices.noticeId(firstRound)).isNotEqualTo(Notices.noticeId(candidate));
        assertThat(Notices.noticeId(firstRound)).isEqualTo(firstRound.id() + "-1");
    }

    @Test
    void aNoticeClosedEarlyByAnUpheldObjectionShowsWhenItActuallyEnded() {
        OffsetDateTime upheld = STARTS.plusDays(2);
        notices.closed(candidate, BATCH, NoticeOutcome.REJECTED, upheld);
        var notice = appended.getFirst().getNotice();
        assertThat(appended.getFirst().getKind()).isEqualTo(NoticeChangeKind.NOTICE_CLOSED);
        assertThat(notice.getOutcome()).isEqualTo(NoticeOutcome.REJECTED);
        assertThat(notice.getEndsAt().getSeconds()).isEqualTo(upheld.toEpochSecond());
    }

    @Test
    void anApprovalAfterThePlannedEndKeepsThatEndAndNamesTheListing() {
        UUID listing = UUID.fromString("1e5b0000-0000-4000-8000-000000000042");
        var approved = Applications.registered(candidate, listing, "GF-640000-2025-0042");
        notices.closed(approved, BATCH, NoticeOutcome.APPROVED, ENDS.plusHours(3));
        var notice = appended.getFirst().getNotice();
        assertThat(notice.getEndsAt().getSeconds()).isEqualTo(ENDS.toEpochSecond());
        assertThat(notice.getListingId()).isEqualTo(listing.toString());
        assertThat(notice.getCertificateNumber()).isEqualTo("GF-640000-2025-0042");
    }

    @Test
    void anOpenedBatchIsAnnouncedWithItsTypesAndDeadline() {
        notices.batchOpened(BATCH, BATCH.opensAt());
        var change = appended.getFirst();
        assertThat(change.getKind()).isEqualTo(NoticeChangeKind.BATCH_OPENED);
        assertThat(change.getBatch().getYear()).isEqualTo(2025);
        assertThat(change.getBatch().getTypesList()).extracting(Enum::name).containsExactly("GREEN_FACTORY", "GREEN_PARK");
        assertThat(change.getBatch().getDeadline().getSeconds()).isEqualTo(BATCH.deadline().toEpochSecond());
        assertThat(change.hasNotice()).isFalse();
    }
}
