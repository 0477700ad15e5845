package io.greenportal.incentive.referral;

/**
 * OPEN → ACCEPTED (one bank holds it) → APPROVED → DISBURSED, or ACCEPTED → DECLINED; the enterprise
 * may withdraw while it is OPEN or ACCEPTED.
 */
public enum ReferralStatus {
    OPEN, ACCEPTED, APPROVED, DECLINED, DISBURSED, WITHDRAWN
}
