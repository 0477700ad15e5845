package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Times as every service writes them: one shape, one precision, whoever writes them. */
@Tag("unit")
class TimesTest {

    @Test
    void thePortalsClockTicksInMicrosecondsAsPostgreSqlKeepsTime() {
        for (int i = 0; i < 1_000; i++) {
            OffsetDateTime now = OffsetDateTime.now(Times.clock());
            assertThat(now.getNano() % 1_000).as("%s", now).isZero();
            assertThat(now.getOffset()).isEqualTo(Times.ZONE.getRules().getOffset(now.toInstant()));
        }
    }

    @Test
    void aTimeWrittenAsTextKeepsItsSecondsEvenWhenTheyAreZero() {
        assertThat(Times.text(OffsetDateTime.parse("2025-12-26T00:00+08:00"))).isEqualTo("2025-12-26T00:00:00+08:00");
        assertThat(Times.text(OffsetDateTime.parse("2026-12-06T13:04:05.076491+08:00")))
                .isEqualTo("2026-12-06T13:04:05.076491+08:00");
        assertThat(Times.text(null)).isNull();
    }
}
