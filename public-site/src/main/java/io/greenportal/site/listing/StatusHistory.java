package io.greenportal.site.listing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.greenportal.site.api.Listing;
import io.greenportal.site.web.BeijingTime;

/**
 * The public history of a listing's status, as far as the public API tells it: the grant, and the
 * latest change (suspension, revocation or restoration) with its reason and date. The API has no
 * per-listing history yet, so earlier changes are not shown (see the module README).
 */
public record StatusHistory(List<Event> events) {

    /** An event on {@code date}; a grant whose list states no date carries only its year (date null). */
    public record Event(LocalDate date, Integer year, String what, String reason) {
    }

    public static StatusHistory of(Listing listing) {
        List<Event> events = new ArrayList<>();
        if (listing.grantedOn() != null || listing.year() != null) {
            String batch = listing.batch() == null ? "" : "（" + listing.batch() + "）";
            events.add(new Event(listing.grantedOn(), listing.year(),
                    "授予" + listing.levelName() + listing.typeName() + "称号" + batch, null));
        }
        if (listing.statusChangedAt() != null) {
            String what = switch (listing.status()) {
                case "SUSPENDED" -> "限期整改";
                case "REVOKED" -> "撤销称号";
                default -> "恢复有效";
            };
            events.add(new Event(BeijingTime.of(listing.statusChangedAt()).toLocalDate(), null, what,
                    listing.statusReason()));
        }
        return new StatusHistory(events);
    }
}
