package io.greenportal.publicity.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of public search results. {@code nextCursor} continues after the last item (the way to
 * go deeper than 10,000 results); facets count the whole result set by type, level, region (one
 * level below the region filter), industry and year, and come with the first request of a search
 * (not with cursor continuations).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(List<ListingView> items, long total, Integer page, int size, String nextCursor,
        Map<String, List<Facet>> facets, long tookMs) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Facet(String value, String name, long count) {
    }

    static SearchPage empty(SearchQuery query) {
        return new SearchPage(List.of(), 0, query.cursor() == null ? query.page() : null, query.size(), null,
                query.cursor() == null ? Map.of() : null, 0);
    }
}
