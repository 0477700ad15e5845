package io.greenportal.certification.devclock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.greenportal.certification.support.Flow;
import io.greenportal.platform.test.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** The development clock (enabled in tests, as in the local portal): administrators only, forward only. */
@IntegrationTest
class DevClockTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Test
    void anAdministratorReadsAndAdvancesTheClock() {
        Flow flow = new Flow(rest, clock);
        JsonNode before = Flow.json(flow.get("admin", "dev/clock"), HttpStatus.OK);
        JsonNode after = Flow.json(flow.post("admin", "dev/clock", Map.of("by", "PT3H")), HttpStatus.OK);
        assertThat(Duration.parse(after.get("offset").asString()))
                .isEqualTo(Duration.parse(before.get("offset").asString()).plusHours(3));
        assertThat(after.get("now").asString()).endsWith("+08:00");

        for (String by : new String[] {"-PT1H", "PT0S", "soon", "P500D"}) {
            flow.post("admin", "dev/clock", Map.of("by", by)).expectStatus().isBadRequest();
        }
        flow.post("rev-prov", "dev/clock", Map.of("by", "P5D")).expectStatus().isForbidden();
        flow.get("ent-a", "dev/clock").expectStatus().isForbidden();
        flow.post(null, "dev/clock", Map.of("by", "P5D")).expectStatus().isUnauthorized();
    }
}
