package io.greenportal.platform.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The portal's zone: every time a client sees carries the Asia/Shanghai offset (+08:00), and days
 * are Shanghai days. The {@link Clock} bean runs in that zone (a service may define its own).
 */
public final class Times {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    /**
     * The same instant at +08:00. PostgreSQL's {@code ±infinity} reads back as OffsetDateTime.MIN/MAX,
     * which no other offset can hold: such a time is returned as it is, so a row holding one (input
     * refuses them: StrictJson) cannot make every list that shows it fail.
     */
    public static OffsetDateTime local(OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        try {
            return time.atZoneSameInstant(ZONE).toOffsetDateTime();
        } catch (DateTimeException e) {
            return time;
        }
    }

    public static OffsetDateTime local(Instant instant) {
        if (instant == null) {
            return null;
        }
        try {
            return instant.atZone(ZONE).toOffsetDateTime();
        } catch (DateTimeException e) {
            return instant.isBefore(Instant.EPOCH) ? OffsetDateTime.MIN : OffsetDateTime.MAX;
        }
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The first instant after the given day: "as of D" means everything before it. */
    public static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
    }
}
