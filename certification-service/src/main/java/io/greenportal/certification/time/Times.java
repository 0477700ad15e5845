package io.greenportal.certification.time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's clock and zone. Normally the system clock; with {@code greenportal.dev-clock=true}
 * (local portal and tests only, never production) an {@link AdjustableClock} that an administrator
 * can move forward, so a five-day publicity can end in an end-to-end test.
 */
@Configuration(proxyBeanMethods = false)
public class Times {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock(@Value("${greenportal.dev-clock:false}") boolean devClock) {
        return devClock ? new AdjustableClock(Clock.system(ZONE)) : Clock.system(ZONE);
    }

    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
