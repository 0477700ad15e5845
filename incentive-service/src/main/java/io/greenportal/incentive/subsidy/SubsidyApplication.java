package io.greenportal.incentive.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.greenportal.incentive.program.ProgramKind;

/** An enterprise's application to a program, with the listing that qualifies it and the amounts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubsidyApplication(UUID id, UUID programId, ProgramKind kind, String uscc, String enterpriseName,
        String regionCode, String cityCode, ListingRef listing, Project project, BigDecimal proposedAmount,
        BigDecimal approvedAmount, ApplicationStatus status, String decisionReason, String decidedBy,
        OffsetDateTime decidedAt, Disbursement disbursement, String submittedBy, OffsetDateTime submittedAt,
        OffsetDateTime updatedAt, List<Event> history) {

    /** The registry listing the application rests on, as it stood when the enterprise applied. */
    public record ListingRef(UUID id, String type, String level, int year, String certificateNumber) {
    }

    /** A retrofit project: what is built and what it costs in total (CNY). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Project(String name, String content, BigDecimal totalInvestment) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "SubsidyDisbursement")
    public record Disbursement(BigDecimal amount, LocalDate disbursedOn, String reference, String recordedBy,
            OffsetDateTime recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(OffsetDateTime at, String actor, String action, ApplicationStatus status, BigDecimal amount,
            String comment) {
    }

    public SubsidyApplication withHistory(List<Event> events) {
        return new SubsidyApplication(id, programId, kind, uscc, enterpriseName, regionCode, cityCode, listing, project,
                proposedAmount, approvedAmount, status, decisionReason, decidedBy, decidedAt, disbursement, submittedBy,
                submittedAt, updatedAt, events);
    }
}
