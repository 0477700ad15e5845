package io.greenportal.registry.screening;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change of a watched firm's listing in a digest: {@code change} LISTED (a new listing),
 * SUSPENDED, RESTORED or REVOKED, at the moment it took effect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DigestEntry(OffsetDateTime at, String change, String uscc, String name, String listingId, String type,
        String level, String certificateNumber, boolean certificateNumberAssigned, String previousStatus, String status,
        String reason, long sequence) {

    static String change(String kind, String previous, String status) {
        if (kind.equals("LISTING_CREATED")) {
            return "LISTED";
        }
        return switch (status) {
            case "SUSPENDED" -> "SUSPENDED";
            case "REVOKED" -> "REVOKED";
            default -> "SUSPENDED".equals(previous) ? "RESTORED" : status;
        };
    }
}
