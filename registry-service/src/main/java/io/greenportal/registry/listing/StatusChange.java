package io.greenportal.registry.listing;

import java.time.OffsetDateTime;

/** One entry of a listing's status history. */
public record StatusChange(ListingStatus status, String reason, String actor, OffsetDateTime at) {
}
