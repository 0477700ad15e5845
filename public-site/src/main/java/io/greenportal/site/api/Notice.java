package io.greenportal.site.api;

import java.time.OffsetDateTime;

/**
 * One publicity notice (公示) of a candidate: only public facts. {@code outcome} is PENDING while it
 * runs, then APPROVED (with the listing and its certificate number), REJECTED or RETURNED.
 */
public record Notice(String id, String applicationId, String batchId, String batchName, Integer batchYear, String type,
        String typeName, String enterpriseName, String uscc, String regionCode, String industryCode,
        String subjectName, OffsetDateTime startsAt, OffsetDateTime endsAt, String outcome, String listingId,
        String certificateNumber) {

    public boolean pending() {
        return "PENDING".equals(outcome);
    }
}
