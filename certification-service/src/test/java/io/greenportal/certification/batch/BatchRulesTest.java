package io.greenportal.certification.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.ListingType;
import io.greenportal.certification.noticefeed.Notices;
import io.greenportal.platform.test.Refusal;
import io.greenportal.platform.web.Times;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opening an application batch (申报批次): what an administrator must give, and when a batch takes
 * applications. The store and the notice feed are stood in for by recorders.
 */
@Tag("unit")
class BatchRulesTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2025-03-01T09:00:00+08:00");

    final List<Batch> inserted = new ArrayList<>();
    final List<Batch> announced = new ArrayList<>();
    final BatchService service = new BatchService(new BatchStore(null) {
        @Override
        public void insert(Batch b, boolean openedNotified) {
            inserted.add(b);
        }
    }, new Notices(null) {
        @Override
        public void batchOpened(Batch batch, OffsetDateTime now) {
            announced.add(batch);
        }
    }, Clock.fixed(NOW.toInstant(), Times.ZONE));

    static BatchService.BatchRequest request(OffsetDateTime opensAt, OffsetDateTime deadline, String passMark) {
        return new BatchService.BatchRequest(" 2025年度省级绿色制造名单第一批 ", 2025,
                List.of("GREEN_FACTORY", "GREEN_PARK", "GREEN_FACTORY"), opensAt, deadline, 5,
                passMark == null ? null : new BigDecimal(passMark), 3);
    }

    @Test
    void aBatchOpenedNowIsAnnouncedAtOnce() {
        Batch batch = service.create(request(null, OffsetDateTime.parse("2025-04-30T17:00:00+08:00"), "80"), "admin");
        assertThat(batch.name()).isEqualTo("2025年度省级绿色制造名单第一批");
        assertThat(batch.types()).containsExactly(ListingType.GREEN_FACTORY, ListingType.GREEN_PARK);
        assertThat(batch.opensAt()).isEqualTo(NOW);
        assertThat(batch.passMark()).isEqualTo(new BigDecimal("80.00"));
        assertThat(inserted).containsExactly(batch);
        assertThat(announced).containsExactly(batch);
    }

    @Test
    void aBatchOpeningLaterIsAnnouncedWhenItOpens() {
        Batch batch = service.create(request(OffsetDateTime.parse("2025-03-15T00:00:00Z"),
                OffsetDateTime.parse("2025-04-30T09:00:00Z"), "75.5"), "admin");
        assertThat(batch.opensAt()).as("shown in Shanghai time").isEqualTo(OffsetDateTime.parse("2025-03-15T08:00:00+08:00"));
        assertThat(batch.deadline()).isEqualTo(OffsetDateTime.parse("2025-04-30T17:00:00+08:00"));
        assertThat(inserted).containsExactly(batch);
        assertThat(announced).isEmpty();
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsWritten() {
        var request = new BatchService.BatchRequest(" ", 2015, List.of("GREEN_FACTORY", "green_park"), null,
                NOW.minusDays(1), 0, new BigDecimal("80.005"), 2);
        var refusal = Refusal.of(() -> service.create(request, "admin"));
        assertThat(refusal.fields()).containsExactly("name", "year", "types", "deadline", "publicityDays", "passMark",
                "minExperts");
        assertThat(refusal.detail()).contains("year: must be between 2016 and 2026")
                .contains("types: 'green_park' is not one of [GREEN_FACTORY, GREEN_PARK, GREEN_PRODUCT, GREEN_SUPPLY_CHAIN]")
                .contains("minExperts: must be between 3 and 15");
        assertThat(inserted).isEmpty();
        assertThat(announced).isEmpty();
    }

    @Test
    void publicityLastsOneToThirtyDaysAndAtLeastThreeExpertsScore() {
        for (int days : new int[] {1, 30}) {
            var ok = new BatchService.BatchRequest("批次", 2025, List.of("GREEN_PRODUCT"), null, NOW.plusDays(30), days,
                    new BigDecimal("60"), 15);
            assertThat(service.create(ok, "admin").publicityDays()).isEqualTo(days);
        }
        var tooLong = new BatchService.BatchRequest("批次", 2025, List.of("GREEN_PRODUCT"), null, NOW.plusDays(30), 31,
                new BigDecimal("100.01"), 16);
        assertThat(Refusal.of(() -> service.create(tooLong, "admin")).fields())
                .containsExactly("publicityDays", "passMark", "minExperts");
    }

    @Test
    void theDeadlineComesAfterTheOpeningAndAfterNow() {
        var opensAfterDeadline = request(NOW.plusDays(10), NOW.plusDays(5), "80");
        assertThat(Refusal.of(() -> service.create(opensAfterDeadline, "admin")).detail())
                .isEqualTo("deadline: must be in the future and after opensAt");
        var deadlineNow = request(null, NOW, "80");
        assertThat(Refusal.of(() -> service.create(deadlineNow, "admin")).fields()).containsExactly("deadline");
        var noTypes = new BatchService.BatchRequest("批次", 2027, List.of(), null, NOW.plusDays(1), 5, BigDecimal.TEN, 3);
        assertThat(Refusal.of(() -> service.create(noTypes, "admin")).detail())
                .isEqualTo("year: must be between 2016 and 2026; types: name at least one listing type");
    }

    @Test
    void aBatchTakesApplicationsFromItsOpeningUntilItsDeadlineInclusive() {
        Batch batch = new Batch(UUID.randomUUID(), "2025年度第一批", 2025, List.of(ListingType.GREEN_FACTORY),
                OffsetDateTime.parse("2025-03-15T08:00:00+08:00"), OffsetDateTime.parse("2025-04-30T17:00:00+08:00"), 5,
                new BigDecimal("80.00"), 3, "admin", NOW);
        assertThat(batch.phaseAt(OffsetDateTime.parse("2025-03-15T07:59:59+08:00"))).isEqualTo(Batch.Phase.UPCOMING);
        assertThat(batch.phaseAt(OffsetDateTime.parse("2025-03-15T08:00:00+08:00"))).isEqualTo(Batch.Phase.OPEN);
        assertThat(batch.phaseAt(OffsetDateTime.parse("2025-04-30T17:00:00+08:00"))).isEqualTo(Batch.Phase.OPEN);
        assertThat(batch.phaseAt(OffsetDateTime.parse("2025-04-30T09:00:00.001Z"))).isEqualTo(Batch.Phase.CLOSED);
    }
}
