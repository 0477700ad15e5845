package io.greenportal.incentive.referral;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A green-credit referral (绿色信贷推荐): an enterprise holding an ACTIVE listing asks for financing;
 * one participating bank accepts it, decides and reports the disbursement.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditReferral(UUID id, String uscc, String enterpriseName, String regionCode, QualifyingListing listing,
        BigDecimal amount, int termMonths, String purpose, String projectReference, String targetBank,
        ReferralStatus status, String bankId, OffsetDateTime createdAt, OffsetDateTime acceptedAt,
        OffsetDateTime decidedAt, Decision decision, Disbursement disbursement, OffsetDateTime withdrawnAt,
        OffsetDateTime updatedAt) {

    /** The ACTIVE listing that qualified the enterprise when it asked. */
    public record QualifyingListing(UUID id, String certificateNumber, String type, String level) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "CreditReferralDecision")
    public record Decision(BigDecimal approvedAmount, BigDecimal annualRatePercent, Integer termMonths,
            String declineReason) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CreditReferralDisbursement")
    public record Disbursement(BigDecimal amount, LocalDate disbursedOn, String loanReference,
            OffsetDateTime recordedAt) {
    }

    /** How long banks took: from request to acceptance, and from acceptance to decision (seconds). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseTimes(Long toAcceptSeconds, Long toDecisionSeconds) {
    }

    @JsonProperty("responseTimes")
    public ResponseTimes responseTimes() {
        Long toAccept = acceptedAt == null ? null : Duration.between(createdAt, acceptedAt).toSeconds();
        Long toDecision = decidedAt == null || acceptedAt == null ? null : Duration.between(acceptedAt, decidedAt).toSeconds();
        return new ResponseTimes(toAccept, toDecision);
    }
}
