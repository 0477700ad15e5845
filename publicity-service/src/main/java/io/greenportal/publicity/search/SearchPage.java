package io.greenportal.publicity.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of public search results. {@code nextCursor} continues after the last item (the way to
 * go deeper than 10,000 results); facets count the whole result set by type, level, region (one
 * level below the region filter), industry and year, and come with the first request of a search
 * (not with cursor continuations). {@code selected} names the region and industry filters of the
 * search (the facets then count the level below them, so they cannot name the filter itself).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(List<ListingView> items, long total, Integer page, int size, String nextCursor,
        Map<String, List<Facet>> facets, long tookMs, Map<String, Named> selected) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Facet(String value, String name, long count) {
    }

    /** A filter's code and its name (null when the code names nothing the registry knows). */
    public record Named(String value, String name) {
    }

    static SearchPage empty(SearchQuery query) {
        return new SearchPage(List.of(), 0, query.cursor() == null ? query.page() : null, query.size(), null,
                query.cursor() == null ? Map.of() : null, 0, null);
    }
}
