package io.greenportal.site.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * The time left in a publicity period, in words, computed when the page is rendered; the page's
 * script keeps it current in the browser from the {@code datetime} of the end.
 */
@Component("countdown")
public class Countdown {

    private final Clock clock;

    public Countdown(Clock clock) {
        this.clock = clock;
    }

    public String left(OffsetDateTime endsAt) {
        if (endsAt == null) {
            return "";
        }
        return describe(Duration.between(clock.instant(), endsAt.toInstant()));
    }

    public boolean ended(OffsetDateTime endsAt) {
        return endsAt != null && !clock.instant().isBefore(endsAt.toInstant());
    }

    /** The same wording as assets/site.js uses. */
    static String describe(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "公示期已结束";
        }
        long minutes = left.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return "剩余 " + days + " 天 " + hours + " 小时";
        }
        if (hours > 0) {
            return "剩余 " + hours + " 小时 " + mins + " 分钟";
        }
        return "剩余 " + Math.max(1, mins) + " 分钟";
    }
}
