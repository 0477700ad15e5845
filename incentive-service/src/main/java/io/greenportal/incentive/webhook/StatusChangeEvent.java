package io.greenportal.incentive.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON a bank receives when a listing it watches changes status. {@code eventId} is the same on
 * every attempt and replay of this event to this subscription: de-duplicate by it. {@code sequence}
 * is the registry's change number: events can arrive out of order after retries, the sequence cannot.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChangeEvent(String eventId, String type, UUID subscriptionId, long sequence,
        OffsetDateTime occurredAt, String uscc, String enterpriseName, String listingId, String listingType,
        String level, String certificateNumber, boolean certificateNumberAssigned, int year, String status,
        String previousStatus, String reason) {

    public static final String TYPE = "listing.status_changed";

    public static String eventId(long sequence, UUID subscriptionId) {
        return sequence + "-" + subscriptionId;
    }
}
