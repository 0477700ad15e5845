package io.greenportal.site.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Plan targets with their progress; without progress fields while the index cannot be asked. */
public record Targets(OffsetDateTime asOf, boolean progressAvailable, List<Target> targets) {

    public Targets {
        targets = targets == null ? List.of() : targets;
    }

    public record Target(long id, String regionCode, String regionName, String type, String typeName, String level,
            String levelName, int year, long cumulativeTarget, String sourceDocument, String note, Long progress,
            BigDecimal percent, Long remaining, Boolean reached) {
    }
}
