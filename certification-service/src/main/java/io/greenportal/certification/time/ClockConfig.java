package io.greenportal.certification.time;

import java.time.Clock;

import io.greenportal.platform.web.Times;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's clock (in place of web-edge's). Normally the system clock; with
 * {@code greenportal.dev-clock=true} (local portal and tests only, never production) an
 * {@link AdjustableClock} that an administrator can move forward, so a five-day publicity can end in
 * an end-to-end test.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    @Bean
    Clock clock(@Value("${greenportal.dev-clock:false}") boolean devClock) {
        return devClock ? new AdjustableClock(Times.clock()) : Times.clock();
    }
}
