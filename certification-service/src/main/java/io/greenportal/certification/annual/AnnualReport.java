package io.greenportal.certification.annual;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.Indicator;

/**
 * An annual report (年度报告) a listing granted through this service owes for one year: its indicators,
 * and the reviewer's decision (accept, or suspend / revoke the listing in the registry).
 */
public record AnnualReport(UUID id, UUID applicationId, UUID listingId, String uscc, String cityCode, int year,
        LocalDate dueOn, Status status, boolean overdue, List<Indicator> indicators, String remarks,
        String submittedBy, OffsetDateTime submittedAt, String decisionReason, String decidedBy,
        OffsetDateTime decidedAt, boolean listingSuspended) {

    public enum Status {
        DUE, SUBMITTED, ACCEPTED, SUSPENDED, REVOKED
    }
}
