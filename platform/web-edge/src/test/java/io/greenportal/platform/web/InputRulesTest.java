package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The portal's one rule each for idempotency keys and page parameters, and its +08:00 times. */
@Tag("unit")
class InputRulesTest {

    @Test
    void anIdempotencyKeyIsOneTo128PrintableAsciiCharactersWithoutSpaces() {
        assertThat(IdempotencyKeys.check(null)).isNull();
        assertThat(IdempotencyKeys.check("draft-2026-03-01_a:b.c")).isEqualTo("draft-2026-03-01_a:b.c");
        assertThat(IdempotencyKeys.check("x".repeat(128))).hasSize(128);
        for (String bad : new String[] {"", "x".repeat(129), "has space", "tab\there", "申报-1", "trailing "}) {
            assertThatThrownBy(() -> IdempotencyKeys.check(bad)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.field()).isEqualTo("Idempotency-Key");
                assertThat(e.type()).isEqualTo("invalid-field");
                assertThat(e.getMessage()).isEqualTo("must be 1-128 printable ASCII characters without spaces");
            });
        }
    }

    @Test
    void pagesRunFrom0To10000AndHold1To200() {
        assertThat(PageParameters.check(0, 1).offset()).isZero();
        assertThat(PageParameters.check(10_000, 200).offset()).isEqualTo(2_000_000L);
        assertThatThrownBy(() -> PageParameters.check(-1, 20)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> PageParameters.check(10_001, 20)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).isEqualTo("must be between 0 and 10000"));
        assertThatThrownBy(() -> PageParameters.check(0, 0)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> PageParameters.check(0, 201)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).isEqualTo("must be between 1 and 200"));
    }

    @Test
    void timesAreShanghaiTimesAndDaysShanghaiDays() {
        assertThat(Times.local(OffsetDateTime.parse("2026-03-01T00:00:00Z")))
                .hasToString("2026-03-01T08:00+08:00");
        assertThat(Times.startOf(LocalDate.parse("2026-03-01"))).hasToString("2026-03-01T00:00+08:00");
        assertThat(Times.endOf(LocalDate.parse("2026-03-01"))).hasToString("2026-03-02T00:00+08:00");
        assertThat(Times.local((OffsetDateTime) null)).isNull();
        // PostgreSQL's -infinity and infinity, as the driver reads them back
        assertThat(Times.local(OffsetDateTime.MIN)).isEqualTo(OffsetDateTime.MIN);
        assertThat(Times.local(OffsetDateTime.MAX)).isEqualTo(OffsetDateTime.MAX);
    }
}
