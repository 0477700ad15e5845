package io.greenportal.publicity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal's clock and zone: times are shown with the Asia/Shanghai offset. */
@Configuration(proxyBeanMethods = false)
public class Times {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    java.time.Clock clock() {
        return java.time.Clock.system(ZONE);
    }

    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    /** A protobuf timestamp as a Shanghai time; the unset timestamp (epoch 0) is no time. */
    public static OffsetDateTime local(com.google.protobuf.Timestamp timestamp) {
        if (timestamp == null || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
            return null;
        }
        return local(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
    }
}
