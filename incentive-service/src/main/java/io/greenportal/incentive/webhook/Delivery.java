package io.greenportal.incentive.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One event for one subscription, and how delivering it went. PENDING until the bank's endpoint
 * answers 2xx (DELIVERED) or the attempts are used up (FAILED; a replay queues it again).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(UUID id, UUID subscriptionId, String eventId, long sequence, String uscc, UUID listingId,
        String state, int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, Integer lastStatus,
        String lastError, OffsetDateTime deliveredAt, OffsetDateTime createdAt, @JsonRawValue String payload,
        List<Attempt> attemptLog) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int attempt, OffsetDateTime at, Integer httpStatus, String error, int durationMs) {
    }
}
