package io.greenportal.site.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StackedBarChartTest {

    @Test
    void theLongestBarFillsTheSpanAndSegmentsFollowEachOther() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        StackedBarChart.add(counts, "银川市", "GREEN_FACTORY", 30);
        StackedBarChart.add(counts, "银川市", "GREEN_PRODUCT", 10);
        StackedBarChart.add(counts, "吴忠市", "GREEN_PARK", 20);
        StackedBarChart chart = StackedBarChart.of(counts);

        StackedBarChart.Row first = chart.rows().get(0);
        assertThat(first.total()).isEqualTo(40);
        assertThat(first.segments()).extracting(StackedBarChart.Segment::type).containsExactly("GREEN_FACTORY", "GREEN_PRODUCT");
        var factory = first.segments().get(0);
        var product = first.segments().get(1);
        assertThat(factory.x()).isEqualTo(chart.labelWidth());
        assertThat(product.x()).isEqualTo(factory.x() + factory.width());
        assertThat(product.x() + product.width()).isEqualTo(chart.barEnd());
        assertThat(chart.rows().get(1).segments().get(0).width()).isEqualTo((chart.barEnd() - chart.labelWidth()) / 2);
        assertThat(chart.rows().get(1).y()).isGreaterThan(first.y());
        assertThat(first.count("GREEN_PRODUCT")).isEqualTo(10);
    }

    @Test
    void citiesWithTheMostListingsComeFirst() {
        var rows = java.util.List.of(
                new io.greenportal.site.api.Statistics.Row("GREEN_FACTORY", "绿色工厂", 2020, "NATIONAL", "国家级", "640200", "石嘴山市", 3),
                new io.greenportal.site.api.Statistics.Row("GREEN_FACTORY", "绿色工厂", 2021, "NATIONAL", "国家级", "640100", "银川市", 5));
        assertThat(HomeController.byCity(rows).keySet()).containsExactly("银川市", "石嘴山市");
        assertThat(HomeController.byYear(rows).keySet()).containsExactly("2020年", "2021年");
    }
}
