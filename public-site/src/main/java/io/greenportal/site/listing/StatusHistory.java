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

    public record Event(LocalDate date, String what, String reason) {
    }

    public static StatusHistory of(Listing listing) {
        List<Event> events = new ArrayList<>();
        if (listing.grantedOn() != null) {
            String batch = listing.batch() == null ? "" : "（" + listing.batch() + "）";
            events.add(new Event(listing.grantedOn(), "授予" + listing.levelName() + listing.typeName() + "称号" + batch, null));
        }
        if (listing.statusChangedAt() != null) {
            String what = switch (listing.status()) {
                case "SUSPENDED" -> "限期整改";
                case "REVOKED" -> "撤销称号";
                default -> "恢复有效";
            };
            events.add(new Event(BeijingTime.of(listing.statusChangedAt()).toLocalDate(), what, listing.statusReason()));
        }
        return new StatusHistory(events);
    }
}
