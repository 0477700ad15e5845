package io.greenportal.publicity.target;

import java.time.OffsetDateTime;

/**
 * A plan target (规划目标) as stored: by {@code year}, {@code cumulativeTarget} listings of
 * {@code type} (and {@code level}, when it names one; otherwise all levels) in the region.
 */
public record Target(long id, String regionCode, String regionName, String type, String level, int year,
        int cumulativeTarget, String sourceDocument, String note, OffsetDateTime updatedAt) {
}
