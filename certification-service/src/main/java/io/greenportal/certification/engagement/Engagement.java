package io.greenportal.certification.engagement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/** An evaluation body's engagement on an application, and its report once uploaded. */
public record Engagement(UUID id, UUID applicationId, UUID bodyId, String bodyName, String bodyCreditCode, UUID batchId,
        EngagementStatus status, String requestedBy, OffsetDateTime requestedAt, String confirmedBy,
        OffsetDateTime confirmedAt, UUID reportDocumentId, String reportNumber, Map<String, BigDecimal> scores,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalScore, String reportedBy,
        OffsetDateTime reportedAt, String endedReason, OffsetDateTime endedAt, OffsetDateTime flaggedAt,
        String flaggedReason) {

    public boolean reported() {
        return reportDocumentId != null;
    }
}
