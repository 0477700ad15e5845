package io.greenportal.registry.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.web.Times;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When a listing takes effect, and how it reads "as of" a past day, in Shanghai days: lists are
 * published late in the year, and old lists are imported years after they took effect.
 */
@Tag("unit")
class ListingDatesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T10:15:00+08:00");

    static ListingRules.Valid valid(int year, LocalDate grantedOn) {
        return new ListingRules.Valid(ListingType.GREEN_FACTORY, Level.NATIONAL, null, Subject.NONE, year, null, null,
                List.of(), grantedOn, ListingStatus.ACTIVE, null);
    }

    @Test
    void aListingOfAPastYearWithoutADateCountsFromThatYearsLastDay() {
        assertThat(ListingService.inForceFrom(valid(2020, null), TODAY)).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(ListingService.inForceFrom(valid(2025, null), TODAY)).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void aListingOfThisOrNextYearWithoutADateCountsFromToday() {
        assertThat(ListingService.inForceFrom(valid(2026, null), TODAY)).isEqualTo(TODAY);
        assertThat(ListingService.inForceFrom(valid(2027, null), TODAY)).isEqualTo(TODAY);
        // on New Year's Eve last year's list takes that very day
        assertThat(ListingService.inForceFrom(valid(2025, null), LocalDate.of(2025, 12, 31)))
                .isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void aGivenDateIsKept() {
        LocalDate stated = LocalDate.of(2021, 3, 15);
        assertThat(ListingService.inForceFrom(valid(2020, stated), TODAY)).isEqualTo(stated);
        for (String source : List.of("IMPORT", "ADMIN", ListingService.CERTIFICATION)) {
            assertThat(ListingService.grantedOn(valid(2020, stated), source, TODAY)).as(source).isEqualTo(stated);
        }
    }

    @Test
    void withoutAStatedDateOnlyTheWorkflowsOwnGrantHasADate() {
        assertThat(ListingService.grantedOn(valid(2026, null), ListingService.CERTIFICATION, TODAY))
                .as("granted by the workflow today").isEqualTo(TODAY);
        assertThat(ListingService.grantedOn(valid(2020, null), "IMPORT", TODAY)).as("an old list gives only its year")
                .isNull();
        assertThat(ListingService.grantedOn(valid(2026, null), "ADMIN", TODAY)).isNull();
    }

    @Test
    void aListingGrantedOnAPastDayTookEffectAtThatDaysStartInShanghai() {
        assertThat(ListingService.effective(LocalDate.of(2020, 12, 31), NOW))
                .isEqualTo(OffsetDateTime.parse("2020-12-31T00:00:00+08:00"));
        assertThat(ListingService.effective(TODAY, NOW)).as("granted today: from now").isEqualTo(NOW);
        // half an hour into a Shanghai day, yesterday is a past day (in UTC it would still be today)
        OffsetDateTime justAfterMidnight = OffsetDateTime.parse("2026-06-01T00:30:00+08:00");
        assertThat(ListingService.effective(LocalDate.of(2026, 5, 31), justAfterMidnight))
                .isEqualTo(OffsetDateTime.parse("2026-05-31T00:00:00+08:00"));
        assertThat(ListingService.effective(TODAY, justAfterMidnight)).isEqualTo(justAfterMidnight);
    }

    @Test
    void asOfADayBeforeItWasRecordedALeavesTheRecordingTimeOut() {
        Listing imported = new Listing(UUID.randomUUID(), ListingType.GREEN_FACTORY, Level.NATIONAL, null, Subject.NONE,
                2020, null, "GF-CN-2020-0001", true, List.of(), ListingStatus.ACTIVE, null, null, null,
                LocalDate.of(2020, 12, 31), OffsetDateTime.parse("2026-05-20T09:00:00+08:00"), "IMPORT", null, null);
        Listing in2024 = imported.asOf(LocalDate.of(2024, 1, 1));
        assertThat(in2024.asOf()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(in2024.createdAt()).as("no time after the day asked about").isNull();
        assertThat(imported.asOf(LocalDate.of(2026, 5, 20)).createdAt()).isEqualTo(imported.createdAt());
        assertThat(imported.asOf(LocalDate.of(2026, 5, 19)).createdAt()).isNull();
        assertThat(in2024.withStatus(ListingStatus.SUSPENDED, "年度报告逾期", NOW, "rev-prov").asOf())
                .as("a snapshot keeps its day").isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void asOfIsAboutThePastOnly() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-31T16:30:00Z"), Times.ZONE); // 1 June, 00:30 in Shanghai
        assertThat(AsOf.check(TODAY, clock, "asOf")).isEqualTo(TODAY);
        assertThat(AsOf.check(null, clock, "asOf")).isNull();
        var refusal = Refusal.of(() -> AsOf.check(TODAY.plusDays(1), clock, "asOf"));
        assertThat(refusal.fields()).containsExactly("asOf");
        assertThat(refusal.detail()).isEqualTo("cannot be in the future (today is 2026-06-01)");
    }
}
