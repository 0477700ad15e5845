package io.greenportal.certification.publicity;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An objection (异议) to a candidate under publicity. The objector's name and contact are shown only
 * to provincial reviewers; everyone else gets them as null (left out of the JSON).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Objection(UUID id, UUID applicationId, int round, String objectorName, String objectorContact,
        String content, Status status, Outcome outcome, String decisionComment, String decidedBy,
        OffsetDateTime decidedAt, OffsetDateTime filedAt) {

    public enum Status {
        PENDING, UPHELD, DISMISSED,
        /** left undecided when another, upheld objection closed the publicity */
        MOOT
    }

    /** What an upheld objection does to the application. */
    public enum Outcome {
        REJECT, RETURN
    }

    public Objection withoutObjector() {
        return new Objection(id, applicationId, round, null, null, content, status, outcome, decisionComment,
                decidedBy, decidedAt, filedAt);
    }
}
