package io.greenportal.platform.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The portal's zone: every time a client sees carries the Asia/Shanghai offset (+08:00), and days
 * are Shanghai days. The {@link Clock} bean runs in that zone (a service may define its own).
 */
public final class Times {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    /**
     * The portal's clock: Shanghai time that ticks in microseconds, PostgreSQL's precision, so a time
     * answered when something is created is the time every later read of it answers (a nanosecond
     * clock would answer {@code .590718008} at creation and {@code .590718} ever after).
     */
    public static Clock clock() {
        return Clock.tick(Clock.system(ZONE), Duration.ofNanos(1_000));
    }

    /**
     * A time as text in the one shape the JSON answers have (ISO-8601 with seconds and offset, the
     * fraction only when there is one), for the places that write a time as a string themselves.
     * {@code OffsetDateTime.toString()} drops zero seconds ({@code 00:00+08:00}).
     */
    public static String text(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
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
