package io.greenportal.site.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The province's clock: every time the site shows is Beijing time, whatever offset the API's
 * answer arrived with (JSON readers adjust times to UTC unless told otherwise), so a notice that
 * starts at 23:18 does not read 15:18, and a change at 00:30 is dated that day, not the day before.
 */
public final class BeijingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BeijingTime() {
    }

    public static OffsetDateTime of(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
