package io.greenportal.certification.batch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.greenportal.certification.application.ListingType;

/** An application batch (申报批次) opened by an administrator. */
public record Batch(UUID id, String name, int year, List<ListingType> types, OffsetDateTime opensAt,
        OffsetDateTime deadline, int publicityDays, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal passMark,
        int minExperts, String createdBy, OffsetDateTime createdAt) {

    public enum Phase {
        UPCOMING, OPEN, CLOSED
    }

    public Phase phaseAt(OffsetDateTime now) {
        if (now.isBefore(opensAt)) {
            return Phase.UPCOMING;
        }
        return now.isAfter(deadline) ? Phase.CLOSED : Phase.OPEN;
    }
}
