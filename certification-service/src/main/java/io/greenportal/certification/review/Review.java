package io.greenportal.certification.review;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.greenportal.certification.application.ApplicationState;

/** A municipal or provincial reviewer's decision on one round of an application. */
public record Review(UUID id, UUID applicationId, int round, ApplicationState stage, Decision decision, String comment,
        String reviewer, OffsetDateTime decidedAt) {

    public enum Decision {
        APPROVE, RETURN, REJECT
    }
}
