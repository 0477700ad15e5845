package io.greenportal.site.search;

import java.util.LinkedHashMap;
import java.util.Map;

import io.greenportal.site.api.SearchQuery;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search as the visitor's address states it: every choice is a query parameter, so a search is
 * a link anyone can share. Builds the links of the page (a facet added or removed, another page,
 * the continuation past the 10,000th result).
 */
public record SearchForm(String q, String type, String level, String status, String region, String industry,
        String year, String sort, int page, String cursor, long from) {

    public static final int SIZE = 20;
    /** The API pages by number up to its result window; beyond it only by cursor. */
    public static final int WINDOW = 10_000;
    public static final int LAST_NUMBERED_PAGE = WINDOW / SIZE - 1;

    public static SearchForm of(Map<String, String> params) {
        return new SearchForm(trim(params.get("q")), trim(params.get("type")), trim(params.get("level")),
                trim(params.get("status")), trim(params.get("region")), trim(params.get("industry")),
                trim(params.get("year")), trim(params.get("sort")),
                (int) Math.min(LAST_NUMBERED_PAGE, number(params.get("page"))), trim(params.get("cursor")),
                number(params.get("from")));
    }

    /**
     * The words as the page shows them (title, box, heading): without invisible format characters, so a
     * refused right-to-left override cannot reverse the tab's title or a share card.
     */
    public String shownQ() {
        return q == null ? null : q.replaceAll("[\\p{Cf}\\p{Cntrl}]", "");
    }

    /** The form's parameters that each hold one value. */
    static final java.util.List<String> FIELDS = java.util.List.of("q", "type", "level", "status", "region", "industry",
            "year", "sort", "page", "cursor", "from");

    public SearchQuery query() {
        return new SearchQuery(q, type, level, status, region, industry, year, sort, page, SIZE, cursor);
    }

    public boolean continued() {
        return cursor != null;
    }

    public boolean filtered() {
        return type != null || level != null || status != null || region != null || industry != null || year != null;
    }

    /** The offset of the first result shown (0-based). */
    public long offset() {
        return continued() ? from : (long) page * SIZE;
    }

    /** This search with one parameter set (a new search: back to its first page). */
    public String with(String name, String value) {
        Map<String, String> params = params();
        params.put(name, value);
        return url(params);
    }

    /** This search without one parameter. */
    public String without(String name) {
        Map<String, String> params = params();
        params.remove(name);
        return url(params);
    }

    public String pageUrl(int number) {
        Map<String, String> params = params();
        if (number > 0) {
            params.put("page", Integer.toString(number));
        }
        return url(params);
    }

    /** The page after {@code offset} results, reached by the API's cursor. */
    public String cursorUrl(String nextCursor, long offset) {
        Map<String, String> params = params();
        params.put("cursor", nextCursor);
        params.put("from", Long.toString(offset));
        return url(params);
    }

    public boolean is(String name, String value) {
        return value != null && value.equals(params().get(name));
    }

    /** The search's own parameters, without paging. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", q);
        put(params, "type", type);
        put(params, "level", level);
        put(params, "status", status);
        put(params, "region", region);
        put(params, "industry", industry);
        put(params, "year", year);
        put(params, "sort", sort);
        return params;
    }

    /** Parameters always in one order: one search, one address (and one entry in any cache). */
    private static final java.util.List<String> ORDER = java.util.List.of("q", "type", "level", "status", "region",
            "industry", "year", "sort", "page", "cursor", "from");

    private static String url(Map<String, String> params) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/search");
        for (String name : ORDER) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                url.queryParam(name, "{" + name + "}");
            }
        }
        return url.encode().buildAndExpand(params).toUriString();
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
