package io.greenportal.publicity.notice;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An application batch (申报批次) as the certification service announced it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Batch(String id, String name, int year, List<String> types, OffsetDateTime opensAt,
        OffsetDateTime deadline, Integer publicityDays, long sequence) {
}
