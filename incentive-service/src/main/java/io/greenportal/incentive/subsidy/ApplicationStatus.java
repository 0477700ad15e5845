package io.greenportal.incentive.subsidy;

/**
 * SUBMITTED → APPROVED → DISBURSED, or SUBMITTED → REJECTED, or SUBMITTED → WITHDRAWN (by the enterprise).
 */
public enum ApplicationStatus {
    SUBMITTED, APPROVED, REJECTED, WITHDRAWN, DISBURSED
}
