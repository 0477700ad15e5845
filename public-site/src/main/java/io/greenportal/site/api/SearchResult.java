package io.greenportal.site.api;

import java.util.List;

/** One page of search results; facets come with the first request of a search, not with cursor pages. */
public record SearchResult(List<Listing> items, long total, int page, int size, String nextCursor, Facets facets,
        Long tookMs, java.util.Map<String, Named> selected) {

    public SearchResult {
        items = items == null ? List.of() : items;
        facets = facets == null ? Facets.NONE : facets;
        selected = selected == null ? java.util.Map.of() : selected;
    }

    /** The name of the search's region or industry filter, as the API gives it; null when it gave none. */
    public String selectedName(String filter) {
        Named named = selected.get(filter);
        return named == null || named.name() == null || named.name().isBlank() ? null : named.name();
    }

    /** A filter's code and name (the region and industry filters of the search). */
    public record Named(String value, String name) {
    }

    public record Facets(List<Facet> type, List<Facet> level, List<Facet> region, List<Facet> industry,
            List<Facet> year, List<Facet> status) {

        static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        public Facets {
            type = type == null ? List.of() : type;
            level = level == null ? List.of() : level;
            region = region == null ? List.of() : region;
            industry = industry == null ? List.of() : industry;
            year = year == null ? List.of() : year;
            status = status == null ? List.of() : status;
        }

        public boolean isEmpty() {
            return type.isEmpty() && level.isEmpty() && region.isEmpty() && industry.isEmpty() && year.isEmpty()
                    && status.isEmpty();
        }
    }

    /** A value and its count; {@code name} is absent for years. */
    public record Facet(String value, String name, long count) {

        public String label() {
            return name == null || name.isBlank() ? value : name;
        }
    }
}
