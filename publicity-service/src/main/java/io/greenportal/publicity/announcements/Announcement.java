package io.greenportal.publicity.announcements;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One entry of the public announcements feed, derived from a change of the registry or the
 * certification service. {@code source}+{@code sourceSequence} identify the change, so the same
 * change never yields two entries.
 */
public record Announcement(long id, Source source, long sourceSequence, Kind kind, OffsetDateTime occurredAt,
        String listingId, String title, String summary, Map<String, Object> data) {

    public enum Source {
        REGISTRY, CERTIFICATION
    }

    public enum Kind {
        NEW_LISTING, SUSPENDED, REVOKED, RESTORED, BATCH_OPENED
    }
}
