package io.greenportal.certification.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.greenportal.platform.web.Times;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The development clock that ends a five-day publicity in an end-to-end test: forward only, shared by its views. */
@Tag("unit")
class AdjustableClockTest {

    static final Instant START = Instant.parse("2025-05-01T01:00:00Z");

    @Test
    void itRunsWithItsBasePlusWhatItWasMovedForward() {
        var clock = new AdjustableClock(Clock.fixed(START, Times.ZONE));
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofDays(5));
        clock.advance(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(5).plusMinutes(1)));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(5).plusMinutes(1));
        assertThat(Times.now(clock)).isEqualTo(OffsetDateTime.parse("2025-05-06T09:01:00+08:00"));
    }

    @Test
    void itNeverGoesBack() {
        var clock = new AdjustableClock(Clock.fixed(START, Times.ZONE));
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the clock only moves forward");
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aViewInAnotherZoneSharesTheOffset() {
        var clock = new AdjustableClock(Clock.fixed(START, Times.ZONE));
        Clock utc = clock.withZone(ZoneOffset.UTC);
        clock.advance(Duration.ofDays(1));
        assertThat(utc.instant()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.getZone()).isEqualTo(Times.ZONE);
    }

    @Test
    void timesAreShownWithTheShanghaiOffset() {
        assertThat(Times.local(OffsetDateTime.parse("2025-05-01T16:30:00Z")))
                .isEqualTo(OffsetDateTime.parse("2025-05-02T00:30:00+08:00"));
        assertThat(Times.local((OffsetDateTime) null)).isNull();
    }
}
