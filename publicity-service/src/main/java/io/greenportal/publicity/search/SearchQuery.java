package io.greenportal.publicity.search;

import static io.greenportal.publicity.search.SearchCursor.Value.NUMBER;
import static io.greenportal.publicity.search.SearchCursor.Value.TEXT;

import java.util.List;
import java.util.Locale;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;

import io.greenportal.platform.web.ApiException;

/** A validated public search: free text, filters, sort, and either a page or a cursor. */
public record SearchQuery(String q, ListingFilter filter, Sort sort, int page, int size, String cursor) {

    public static final int MAX_Q = 100;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch's max_result_window: deeper than this only the cursor goes. */
    public static final int MAX_WINDOW = 10_000;

    public enum Sort {
        RELEVANCE(List.of(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))), byId()), NUMBER, TEXT),
        NEWEST(List.of(field("year", SortOrder.Desc), field("grantedOn", SortOrder.Desc), byId()), NUMBER, NUMBER, TEXT),
        OLDEST(List.of(field("year", SortOrder.Asc), field("grantedOn", SortOrder.Asc), byId()), NUMBER, NUMBER, TEXT),
        // pinyin order (NameOrder); an index built before the key existed sorts by code point until rebuilt
        NAME(List.of(nameOrder(), field("enterpriseName.raw", SortOrder.Asc), byId()), TEXT, TEXT, TEXT),
        /** Every listing exactly once, whatever changes meanwhile: the export's order. */
        ID(List.of(byId()), TEXT);

        final List<SortOptions> options;
        final List<SearchCursor.Value> cursorShape;

        Sort(List<SortOptions> options, SearchCursor.Value... cursorShape) {
            this.options = options;
            this.cursorShape = List.of(cursorShape);
        }

        public List<SortOptions> options() {
            return options;
        }

        /** What each sort field's value in a cursor may be. */
        public List<SearchCursor.Value> cursorShape() {
            return cursorShape;
        }

        private static SortOptions field(String name, SortOrder order) {
            return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing("_last")));
        }

        private static SortOptions nameOrder() {
            return SortOptions.of(s -> s.field(f -> f.field("nameOrder").order(SortOrder.Asc).missing("_last")
                    .unmappedType(FieldType.Keyword)));
        }

        private static SortOptions byId() {
            return SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
        }
    }

    public static SearchQuery parse(String q, ListingFilter filter, String sort, String page, String size,
            String cursor) {
        String text = text(q);
        Sort order = sort(sort, text);
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = number("size", size, 20, 1, MAX_SIZE);
        String after = cursor == null || cursor.isBlank() ? null : cursor.strip();
        if (after != null && pageNumber != 0) {
            throw ApiException.invalid("page", "page and cursor cannot be combined: the cursor continues where the last page ended");
        }
        if ((long) pageNumber * pageSize + pageSize > MAX_WINDOW) {
            throw ApiException.invalid("page", "pages reach only the first " + MAX_WINDOW
                    + " results; continue deeper with the cursor (nextCursor) of the previous page");
        }
        return new SearchQuery(text, filter, order, pageNumber, pageSize, after);
    }

    /** Free text as typed, trimmed; control characters become spaces. Blank means no text. */
    public static String text(String q) {
        if (q == null) {
            return null;
        }
        String cleaned = q.replaceAll("\\p{Cntrl}", " ").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_Q) {
            throw ApiException.invalid("q", "must be at most " + MAX_Q + " characters");
        }
        return cleaned;
    }

    static Sort sort(String value, String q) {
        if (value == null || value.isBlank()) {
            return q == null ? Sort.NEWEST : Sort.RELEVANCE;
        }
        try {
            Sort sort = Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
            if (sort == Sort.ID) {
                throw new IllegalArgumentException();
            }
            // without text every score is the same: relevance means newest first
            return sort == Sort.RELEVANCE && q == null ? Sort.NEWEST : sort;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("sort", "must be one of relevance, newest, oldest, name");
        }
    }

    static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String digits = value.strip();
        String range = max == Integer.MAX_VALUE ? min + " or more" : "between " + min + " and " + max;
        if (!digits.matches("-?[0-9]{1,9}")) {
            throw ApiException.invalid(field, "must be a whole number " + range);
        }
        int number = Integer.parseInt(digits);
        if (number < min || number > max) {
            throw ApiException.invalid(field, "must be " + range);
        }
        return number;
    }

    /** What identifies this search apart from the position in it: binds cursors, keys the cache. */
    public String searchKey() {
        return "q=" + q + "&" + filter.key() + "&sort=" + sort;
    }

    public String cacheKey() {
        return searchKey() + "&page=" + page + "&size=" + size;
    }
}
