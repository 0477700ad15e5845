package io.greenportal.publicity.statistics;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;

import io.greenportal.publicity.Vocabulary;
import io.greenportal.publicity.reference.ReferenceNames;
import io.greenportal.publicity.search.ElasticCalls;
import io.greenportal.publicity.search.ListingFilter;
import io.greenportal.publicity.search.ListingIndex;

import org.springframework.stereotype.Service;

/**
 * Counts of the listings in the index by type × year × level × region (city), from one composite
 * aggregation paged through in Elasticsearch, plus the totals along each dimension.
 */
@Service
public class Statistics {

    private final ElasticsearchClient client;
    private final ListingIndex index;
    private final ReferenceNames names;
    private final Clock clock;

    public Statistics(ElasticsearchClient client, ListingIndex index, ReferenceNames names, Clock clock) {
        this.client = client;
        this.index = index;
        this.names = names;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String type, String typeName, int year, String level, String levelName, String cityCode,
            String cityName, long count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Total(String value, String name, long count) {
    }

    /** {@code byProvince}: the total split by the province of each city, so a headline says whose listings it counts. */
    public record Report(OffsetDateTime asOf, List<String> statuses, long total, List<Total> byType,
            List<Total> byYear, List<Total> byLevel, List<Total> byRegion, List<Total> byProvince, List<Row> rows) {
    }

    public Report report(ListingFilter filter) {
        List<Row> rows = ElasticCalls.read(() -> rows(filter), List.of());
        Map<String, Long> types = new TreeMap<>();
        Map<String, Long> years = new TreeMap<>(Comparator.reverseOrder());
        Map<String, Long> levels = new TreeMap<>();
        Map<String, Long> regions = new TreeMap<>();
        Map<String, Long> provinces = new TreeMap<>();
        long total = 0;
        for (Row row : rows) {
            total += row.count();
            types.merge(row.type(), row.count(), Long::sum);
            years.merge(Integer.toString(row.year()), row.count(), Long::sum);
            levels.merge(row.level(), row.count(), Long::sum);
            regions.merge(row.cityCode() == null ? "" : row.cityCode(), row.count(), Long::sum);
            provinces.merge(row.cityCode() == null ? "" : row.cityCode().substring(0, 2) + "0000", row.count(), Long::sum);
        }
        return new Report(OffsetDateTime.now(clock), filter.statuses().stream().sorted().toList(), total,
                totals(types, Vocabulary::type), totals(years, y -> null), totals(levels, Vocabulary::level),
                totals(regions, names::region), byCount(totals(provinces, names::region)), rows);
    }

    private List<Row> rows(ListingFilter filter) throws Exception {
        List<Map<String, CompositeAggregationSource>> sources = List.of(
                Map.of("type", CompositeAggregationSource.of(s -> s.terms(t -> t.field("type")))),
                Map.of("year", CompositeAggregationSource.of(s -> s.terms(t -> t.field("year")))),
                Map.of("level", CompositeAggregationSource.of(s -> s.terms(t -> t.field("level")))),
                Map.of("city", CompositeAggregationSource.of(s -> s.terms(t -> t.field("cityCode").missingBucket(true)))));
        List<Row> rows = new ArrayList<>();
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            var response = client.search(s -> s.index(index.alias()).size(0).query(filter.query())
                    .aggregations("cells", a -> a.composite(c -> {
                        c.size(1000).sources(sources);
                        if (from != null) {
                            c.after(from);
                        }
                        return c;
                    })), Void.class);
            var cells = response.aggregations().get("cells").composite();
            for (var bucket : cells.buckets().array()) {
                Map<String, FieldValue> key = bucket.key();
                String type = key.get("type").stringValue();
                int year = (int) key.get("year").longValue();
                String level = key.get("level").stringValue();
                FieldValue city = key.get("city");
                String cityCode = city == null || city.isNull() ? null : city.stringValue();
                rows.add(new Row(type, Vocabulary.type(type), year, level, Vocabulary.level(level), cityCode,
                        names.region(cityCode), bucket.docCount()));
            }
            after = cells.buckets().array().isEmpty() ? null : cells.afterKey();
        } while (after != null && !after.isEmpty());
        return rows;
    }

    private static List<Total> byCount(List<Total> totals) {
        return totals.stream().sorted(Comparator.comparingLong(Total::count).reversed()).toList();
    }

    private static List<Total> totals(Map<String, Long> counts, java.util.function.Function<String, String> name) {
        List<Total> totals = new ArrayList<>();
        new LinkedHashMap<>(counts).forEach((value, count) -> totals.add(
                new Total(value.isEmpty() ? null : value, value.isEmpty() ? null : name.apply(value), count)));
        return totals;
    }
}
