package io.greenportal.publicity.notice;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A publicity notice (公示): a candidate published for objections until {@code endsAt}.
 * {@code outcome} is PENDING while publicity runs, then APPROVED (listed: {@code listingId}),
 * REJECTED, RETURNED or WITHDRAWN. An approved one carries the certificate number the registry gave it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(String id, String applicationId, String batchId, String batchName, Integer batchYear,
        String type, String typeName, String enterpriseName, String uscc, String regionCode, String industryCode,
        String subjectName, OffsetDateTime startsAt, OffsetDateTime endsAt, String outcome, String listingId,
        String certificateNumber, long sequence) {
}
