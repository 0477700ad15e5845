package io.greenportal.certification.application;

import java.util.Set;

/**
 * The workflow: DRAFT → SUBMITTED → MUNICIPAL_REVIEW → PROVINCIAL_REVIEW → EXPERT_REVIEW → PUBLICITY
 * → APPROVED, with RETURNED (back to the enterprise; resubmission starts a new round at municipal
 * review), REJECTED and WITHDRAWN (both final).
 */
public enum ApplicationState {
    DRAFT, SUBMITTED, MUNICIPAL_REVIEW, PROVINCIAL_REVIEW, EXPERT_REVIEW, PUBLICITY, APPROVED, RETURNED, REJECTED,
    WITHDRAWN;

    /** States in which the enterprise edits its application and its documents. */
    public static final Set<ApplicationState> EDITABLE = Set.of(DRAFT, RETURNED);

    /** States from which the enterprise may still withdraw (before publicity). */
    public static final Set<ApplicationState> WITHDRAWABLE = Set.of(DRAFT, SUBMITTED, MUNICIPAL_REVIEW,
            PROVINCIAL_REVIEW, EXPERT_REVIEW, RETURNED);

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }
}
