package io.greenportal.publicity.notice;

import java.util.Optional;

import io.greenportal.contracts.certification.v1.BatchInfo;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.contracts.certification.v1.PublicityNotice;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.platform.grpc.ProtoTimes;
import io.greenportal.publicity.Vocabulary;

/** The certification feed's messages as the publicity service stores them. */
public final class NoticeMapper {

    private NoticeMapper() {
    }

    /** The notice a change carries (NOTICE_PUBLISHED, NOTICE_CLOSED), or empty. */
    public static Optional<Notice> notice(NoticeChange change) {
        if (!change.hasNotice() || change.getNotice().getId().isBlank()) {
            return Optional.empty();
        }
        PublicityNotice n = change.getNotice();
        String outcome = n.getOutcome() == NoticeOutcome.NOTICE_OUTCOME_UNSPECIFIED
                ? (change.getKind() == io.greenportal.contracts.certification.v1.NoticeChangeKind.NOTICE_PUBLISHED
                        ? "PENDING" : "CLOSED")
                : n.getOutcome().name();
        String type = n.getType() == ListingType.LISTING_TYPE_UNSPECIFIED ? null : n.getType().name();
        BatchInfo b = n.hasBatch() ? n.getBatch() : null;
        return Optional.of(new Notice(n.getId(), blankToNull(n.getApplicationId()),
                b == null ? null : blankToNull(b.getId()), b == null ? null : blankToNull(b.getName()),
                b == null || b.getYear() == 0 ? null : b.getYear(), type, Vocabulary.type(type), n.getEnterpriseName(),
                blankToNull(n.getUscc()), blankToNull(n.getRegionCode()), blankToNull(n.getIndustryCode()),
                blankToNull(n.getSubjectName()), ProtoTimes.local(n.getStartsAt()), ProtoTimes.local(n.getEndsAt()), outcome,
                blankToNull(n.getListingId()), blankToNull(n.getCertificateNumber()), change.getSequence()));
    }

    /** The batch a BATCH_OPENED change announces, or empty. */
    public static Optional<Batch> batch(NoticeChange change) {
        if (change.getKind() != io.greenportal.contracts.certification.v1.NoticeChangeKind.BATCH_OPENED
                || !change.hasBatch() || change.getBatch().getId().isBlank()) {
            return Optional.empty();
        }
        BatchInfo b = change.getBatch();
        return Optional.of(new Batch(b.getId(), b.getName(), b.getYear(),
                b.getTypesList().stream().filter(t -> t != ListingType.LISTING_TYPE_UNSPECIFIED).map(Enum::name).toList(),
                ProtoTimes.local(b.getOpensAt()), ProtoTimes.local(b.getDeadline()),
                b.getPublicityDays() == 0 ? null : b.getPublicityDays(), change.getSequence()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
