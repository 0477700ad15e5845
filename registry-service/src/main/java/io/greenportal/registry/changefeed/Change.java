package io.greenportal.registry.changefeed;

import java.time.OffsetDateTime;

import io.greenportal.registry.listing.Listing;
import io.greenportal.registry.listing.ListingStatus;

/**
 * One entry of the change log: what happened to a listing, the listing after it, and the trace
 * (W3C traceparent) of the write that made it, or null.
 */
public record Change(long sequence, ChangeKind kind, OffsetDateTime occurredAt, String actor, Listing listing,
        ListingStatus previousStatus, String traceparent) {
}
