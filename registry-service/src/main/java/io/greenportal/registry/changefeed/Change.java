package io.greenportal.registry.changefeed;

import java.time.OffsetDateTime;

import io.greenportal.registry.listing.Listing;
import io.greenportal.registry.listing.ListingStatus;

/** One entry of the change log: what happened to a listing, and the listing after it. */
public record Change(long sequence, ChangeKind kind, OffsetDateTime occurredAt, String actor, Listing listing,
        ListingStatus previousStatus) {
}
