package io.greenportal.certification.application;

import java.util.UUID;

/** Whether an application's third-party evaluation is in place for submission (the engagement feature answers). */
public interface EvaluationCheck {

    /** {@code confirmed}: an ACTIVE body confirmed the engagement in force; {@code reported}: and uploaded its report. */
    record Readiness(boolean confirmed, boolean reported) {
    }

    Readiness readiness(UUID applicationId);
}
