package io.greenportal.certification.engagement;

/**
 * REQUESTED (the enterprise named the body), CONFIRMED (the body's staff accepted it; counts against
 * the body's cap in the batch), REPLACED (the enterprise named another body), VOIDED (the body was
 * sanctioned while the application was still open).
 */
public enum EngagementStatus {
    REQUESTED, CONFIRMED, REPLACED, VOIDED
}
