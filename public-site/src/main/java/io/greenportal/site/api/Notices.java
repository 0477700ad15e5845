package io.greenportal.site.api;

import java.time.OffsetDateTime;
import java.util.List;

/** Publicity notices: those open now (soonest end first), a page of past ones, and open application batches. */
public record Notices(OffsetDateTime asOf, List<Notice> current, Past past, List<Batch> openBatches) {

    public Notices {
        current = current == null ? List.of() : current;
        past = past == null ? new Past(List.of(), 0, 0, 0) : past;
        openBatches = openBatches == null ? List.of() : openBatches;
    }

    public record Past(List<Notice> items, int page, int size, long total) {

        public Past {
            items = items == null ? List.of() : items;
        }
    }

    public record Batch(String id, String name, int year, List<String> types, OffsetDateTime opensAt,
            OffsetDateTime deadline, Integer publicityDays) {
    }
}
