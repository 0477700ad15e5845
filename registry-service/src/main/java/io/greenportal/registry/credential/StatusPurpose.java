package io.greenportal.registry.credential;

import java.util.Locale;
import java.util.Optional;

import io.greenportal.registry.listing.ListingStatus;

/** The two status lists: a listing's bit is set in the one its current status names. */
public enum StatusPurpose {
    SUSPENSION(ListingStatus.SUSPENDED), REVOCATION(ListingStatus.REVOKED);

    private final ListingStatus flagged;

    StatusPurpose(ListingStatus flagged) {
        this.flagged = flagged;
    }

    /** The {@code statusPurpose} value and the list's path segment. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose listings have their bit set in this list. */
    public ListingStatus flagged() {
        return flagged;
    }

    public static Optional<StatusPurpose> of(String value) {
        for (StatusPurpose p : values()) {
            if (p.value().equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
