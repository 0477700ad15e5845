package io.greenportal.certification.national;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A national recommendation round (推荐批次): its deadline and the quota of dossiers per listing type. */
public record NationalRound(UUID id, String name, OffsetDateTime deadline, Map<String, Integer> quotas, String status,
        String createdBy, OffsetDateTime createdAt, String submittedBy, OffsetDateTime submittedAt) {

    public static final String OPEN = "OPEN";
    public static final String SUBMITTED = "SUBMITTED";
}
