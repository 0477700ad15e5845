package io.greenportal.certification.noticefeed;

import java.time.OffsetDateTime;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.batch.Batch;
import io.greenportal.contracts.certification.v1.BatchInfo;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeChangeKind;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.contracts.certification.v1.PublicityNotice;
import io.greenportal.contracts.registry.v1.ListingType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the public notice changes: a candidate's publicity opening and closing, and batch openings.
 * Carries only what the public may see (never objections or objectors).
 */
@Component
public class Notices {

    private final NoticeLog log;

    public Notices(NoticeLog log) {
        this.log = log;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void published(Application application, Batch batch, OffsetDateTime now) {
        log.append(NoticeChange.newBuilder().setKind(NoticeChangeKind.NOTICE_PUBLISHED)
                .setNotice(notice(application, batch, NoticeOutcome.PENDING)), now);
    }

    /**
     * A notice closed before its planned end (an upheld objection) shows when it actually ended; the
     * planned end stays on the application ({@code publicityEndsAt}) and in the NOTICE_PUBLISHED change.
     * An approval comes after the planned end, so its notice keeps that end.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closed(Application application, Batch batch, NoticeOutcome outcome, OffsetDateTime now) {
        PublicityNotice.Builder notice = notice(application, batch, outcome);
        if (application.publicityEndsAt() != null && now.isBefore(application.publicityEndsAt())) {
            notice.setEndsAt(NoticeLog.timestamp(now));
        }
        log.append(NoticeChange.newBuilder().setKind(NoticeChangeKind.NOTICE_CLOSED).setNotice(notice), now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void batchOpened(Batch batch, OffsetDateTime now) {
        log.append(NoticeChange.newBuilder().setKind(NoticeChangeKind.BATCH_OPENED).setBatch(info(batch)), now);
    }

    /** One notice per application and round: a candidate published again after rework is a new notice. */
    public static String noticeId(Application application) {
        return application.id() + "-" + application.round();
    }

    static PublicityNotice.Builder notice(Application a, Batch batch, NoticeOutcome outcome) {
        PublicityNotice.Builder b = PublicityNotice.newBuilder()
                .setId(noticeId(a))
                .setApplicationId(a.id().toString())
                .setBatch(info(batch))
                .setType(ListingType.valueOf(a.type().name()))
                .setEnterpriseName(nz(a.enterpriseName()))
                .setUscc(a.uscc())
                .setRegionCode(nz(a.regionCode()))
                .setIndustryCode(nz(a.industryCode()))
                .setSubjectName(nz(a.subjectName()))
                .setOutcome(outcome);
        if (a.publicityStartsAt() != null) {
            b.setStartsAt(NoticeLog.timestamp(a.publicityStartsAt()));
        }
        if (a.publicityEndsAt() != null) {
            b.setEndsAt(NoticeLog.timestamp(a.publicityEndsAt()));
        }
        if (a.listingId() != null) {
            b.setListingId(a.listingId().toString());
        }
        if (a.certificateNumber() != null) {
            b.setCertificateNumber(a.certificateNumber());
        }
        return b;
    }

    static BatchInfo info(Batch batch) {
        BatchInfo.Builder b = BatchInfo.newBuilder().setId(batch.id().toString()).setName(batch.name())
                .setYear(batch.year()).setOpensAt(NoticeLog.timestamp(batch.opensAt()))
                .setDeadline(NoticeLog.timestamp(batch.deadline())).setPublicityDays(batch.publicityDays());
        batch.types().forEach(t -> b.addTypes(ListingType.valueOf(t.name())));
        return b.build();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
