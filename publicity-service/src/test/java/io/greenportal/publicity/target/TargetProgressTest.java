package io.greenportal.publicity.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Progress towards a plan target: which listings count (still holding the designation, of the
 * target's type and level, in its region, of a year up to the target's) and how progress reads.
 */
@Tag("unit")
class TargetProgressTest {

    static Target target(String region, String type, String level, int year, int cumulative) {
        return new Target(1, region, "宁夏回族自治区", type, level, year, cumulative, "实施方案", null,
                OffsetDateTime.parse("2021-01-05T09:00:00+08:00"));
    }

    @Test
    void activeAndSuspendedListingsOfTheTypeInTheRegionUpToTheYearCount() {
        List<Query> clauses = TargetProgress.counted(target("640000", "GREEN_FACTORY", null, 2022, 80)).bool().filter();
        assertThat(clauses).hasSize(4);
        assertThat(clauses.get(0).term().field()).isEqualTo("type");
        assertThat(clauses.get(1).term().field()).as("a province counts everything in it").isEqualTo("provinceCode");
        assertThat(clauses.get(2).terms().field()).isEqualTo("status");
        assertThat(clauses.get(2).terms().terms().value()).extracting(FieldValue::stringValue)
                .as("a revoked listing no longer counts").containsExactly("ACTIVE", "SUSPENDED");
        assertThat(clauses.get(3).range().number().field()).isEqualTo("year");
        assertThat(clauses.get(3).range().number().lte()).as("cumulative: every year up to the target's").isEqualTo(2022.0);
        assertThat(clauses.get(3).range().number().gte()).isNull();
    }

    @Test
    void aTargetNamingALevelCountsThatLevelOnly() {
        List<Query> clauses = TargetProgress.counted(target("640100", "GREEN_PARK", "PROVINCIAL", 2023, 3)).bool().filter();
        assertThat(clauses).extracting(q -> q.isTerm() ? q.term().field() : q.isTerms() ? q.terms().field() : "range")
                .containsExactly("type", "level", "cityCode", "status", "range");
    }

    @Test
    void progressReadsAsCountPercentRemainingAndReached() {
        var view = TargetView.of(target("640000", "GREEN_FACTORY", null, 2021, 70), 56L);
        assertThat(view.typeName()).isEqualTo("绿色工厂");
        assertThat(view.percent()).isEqualTo(new BigDecimal("80.0"));
        assertThat(view.remaining()).isEqualTo(14L);
        assertThat(view.reached()).isFalse();

        assertThat(TargetView.of(target("640000", "GREEN_PARK", null, 2022, 11), 11L).reached()).as("exactly reached").isTrue();
        var exceeded = TargetView.of(target("640000", "GREEN_PARK", null, 2023, 12), 15L);
        assertThat(exceeded.remaining()).as("never negative").isZero();
        assertThat(exceeded.percent()).isEqualTo(new BigDecimal("125.0"));
        assertThat(TargetView.of(target("640000", "GREEN_PARK", null, 2023, 3), 2L).percent())
                .as("one decimal, half up").isEqualTo(new BigDecimal("66.7"));
        assertThat(TargetView.of(target("640000", "GREEN_FACTORY", null, 2023, 100), 0L).percent())
                .isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void withoutElasticsearchATargetIsShownWithoutProgress() {
        var view = TargetView.of(target("640000", "GREEN_FACTORY", "NATIONAL", 2023, 100), null);
        assertThat(view.progress()).isNull();
        assertThat(view.percent()).isNull();
        assertThat(view.remaining()).isNull();
        assertThat(view.reached()).isNull();
        assertThat(view.levelName()).isEqualTo("国家级");
    }
}
