package io.greenportal.registry.listing;

import java.time.Clock;
import java.time.LocalDate;

import io.greenportal.platform.web.ApiException;

/** "As of a day" asks about the past since 2000: a day after today (Asia/Shanghai) or before 2000 is refused, on every door. */
public final class AsOf {

    private AsOf() {
    }

    /** The day itself (or null when none was asked for); {@code field} names the parameter in a refusal. */
    public static LocalDate check(LocalDate day, Clock clock, String field) {
        if (day != null && day.getYear() < 2000) {
            // as the incentive service's verification: no green list predates 2000, and a far-off
            // year (-999999999) is a probe, not a question
            throw ApiException.invalid(field, "must be a date from 2000 on");
        }
        if (day != null && day.isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid(field, "cannot be in the future (today is " + LocalDate.now(clock) + ")");
        }
        return day;
    }
}
