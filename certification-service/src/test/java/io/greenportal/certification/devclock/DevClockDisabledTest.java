package io.greenportal.certification.devclock;

import java.time.Clock;
import java.util.Map;

import io.greenportal.certification.support.Flow;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As in production: without greenportal.dev-clock the clock is the system clock and the endpoints do
 * not exist. (Its own context on the same database; it neither cleans it nor runs the sweeps.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.dev-clock=false", "greenportal.publicity.sweep-interval=1h",
        "greenportal.registration.retry-interval=1h", "spring.flyway.enabled=false"})
@AutoConfigureRestTestClient
@ActiveProfiles("test")
class DevClockDisabledTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Test
    void theDevelopmentClockDoesNotExist() {
        assertThat(clock).isNotInstanceOf(io.greenportal.certification.time.AdjustableClock.class);
        Flow flow = new Flow(rest, clock);
        flow.get("admin", "dev/clock").expectStatus().isNotFound();
        flow.post("admin", "dev/clock", Map.of("by", "P5D")).expectStatus().isNotFound();
    }
}
