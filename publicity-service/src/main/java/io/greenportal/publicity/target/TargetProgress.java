package io.greenportal.publicity.target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import io.greenportal.platform.web.ApiException;
import io.greenportal.publicity.search.ElasticCalls;
import io.greenportal.publicity.search.ListingFilter;
import io.greenportal.publicity.search.ListingIndex;

import org.springframework.stereotype.Component;

/**
 * Counts, for each target, the listings that count towards it: still holding the designation
 * (active or suspended: a suspended listing rectifies but keeps its title; a revoked one no longer
 * counts), of its type (and level, when it names one), in its region (a province or city includes
 * everything under it), with a year up to the target's year. All targets in one request: a
 * {@code filters} aggregation with one bucket per target.
 */
@Component
public class TargetProgress {

    private final ElasticsearchClient client;
    private final ListingIndex index;

    public TargetProgress(ElasticsearchClient client, ListingIndex index) {
        this.client = client;
        this.index = index;
    }

    /** The filter a listing passes to count towards the target. */
    static Query counted(Target target) {
        List<Query> clauses = new ArrayList<>(new ListingFilter(target.type(), target.level(), target.regionCode(), null,
                null, ListingFilter.PUBLIC_STATUSES).clauses());
        clauses.add(Query.of(q -> q.range(r -> r.number(n -> n.field("year").lte((double) target.year())))));
        return Query.of(q -> q.bool(b -> b.filter(clauses)));
    }

    /**
     * Target id → progress; empty while Elasticsearch cannot answer (the targets are still shown,
     * without progress). A missing index (being created) counts nothing.
     */
    public Optional<Map<Long, Long>> count(List<Target> targets) {
        if (targets.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, Query> filters = new LinkedHashMap<>();
        targets.forEach(t -> filters.put(Long.toString(t.id()), counted(t)));
        try {
            return Optional.of(ElasticCalls.read(() -> {
                var response = client.search(s -> s.index(index.alias()).size(0)
                        .trackTotalHits(t -> t.enabled(false))
                        .aggregations("progress", a -> a.filters(f -> f.filters(b -> b.keyed(filters)))), Void.class);
                Map<Long, Long> counts = new HashMap<>();
                response.aggregations().get("progress").filters().buckets().keyed()
                        .forEach((id, bucket) -> counts.put(Long.parseLong(id), bucket.docCount()));
                return counts;
            }, zeros(targets)));
        } catch (ApiException unavailable) {
            return Optional.empty();
        }
    }

    private static Map<Long, Long> zeros(List<Target> targets) {
        Map<Long, Long> counts = new HashMap<>();
        targets.forEach(t -> counts.put(t.id(), 0L));
        return counts;
    }
}
