package io.greenportal.certification.annual;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.Indicator;

/**
 * An annual report (年度报告) a listing granted through this service owes for one year: its indicators,
 * the reviewer's decision (accept, or suspend / revoke the listing in the registry) and, when the
 * decision changes the listing's status, how far the registry has got with it ({@code registryUpdate}).
 */
public record AnnualReport(UUID id, UUID applicationId, UUID listingId, String uscc, String cityCode, int year,
        LocalDate dueOn, Status status, boolean overdue, List<Indicator> indicators, String remarks,
        String submittedBy, OffsetDateTime submittedAt, String decisionReason, String decidedBy,
        OffsetDateTime decidedAt, boolean listingSuspended, RegistryUpdate registryUpdate) {

    public enum Status {
        DUE, SUBMITTED, ACCEPTED, SUSPENDED, REVOKED
    }

    /**
     * The latest status change decided over this report, on its way to the registry: {@code PENDING}
     * (queued, or retried after {@code lastError}), {@code DONE} (the registry shows it) or {@code REFUSED}
     * (the registry will not make it, {@code lastError} says why).
     */
    public record RegistryUpdate(String action, String status, int attempts, String lastError,
            OffsetDateTime requestedAt, OffsetDateTime completedAt) {
    }
}
