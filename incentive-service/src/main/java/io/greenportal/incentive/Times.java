package io.greenportal.incentive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal's clock and zone: times are shown with the Asia/Shanghai offset, days are Shanghai days. */
@Configuration(proxyBeanMethods = false)
public class Times {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }

    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The first instant after the given day: "as of D" means everything before it. */
    public static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
    }
}
