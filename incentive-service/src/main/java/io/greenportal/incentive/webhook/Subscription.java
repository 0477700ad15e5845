package io.greenportal.incentive.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A bank's webhook subscription. The secret is write-only: it signs deliveries and is never shown.
 * Without a watch list the bank hears of every listing's status changes. A watch list taken from a
 * portfolio screening ({@code watchScreening}) may hold 100,000 codes: it is shown by its size
 * ({@code watchedFirms}), the codes being the screening's matched firms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(UUID id, String bankId, String url, String description, boolean watchAll,
        List<String> watchUsccs, UUID watchScreening, Integer watchedFirms, boolean active, long startSequence,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
