package io.greenportal.certification.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/** An enterprise's application for a green designation in a batch, and where it stands. */
public record Application(UUID id, UUID batchId, String uscc, String owner, ListingType type, ApplicationState state,
        int round, String enterpriseName, String regionCode, String cityCode, String industryCode, Subject subject,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal selfScore, List<Indicator> indicators,
        String evaluationBody, String evaluationReport,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expertMean, OffsetDateTime publicityStartsAt,
        OffsetDateTime publicityEndsAt, UUID listingId, String certificateNumber, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** Ever submitted: from then on reviewers may see it (drafts stay the enterprise's own). */
    public boolean everSubmitted() {
        return round > 0;
    }

    public String subjectName() {
        return subject.displayName(enterpriseName);
    }
}
