package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;

import io.greenportal.publicity.PublicityProperties;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paging through the public search: pages of 1-100 within Elasticsearch's 10,000-result window, and
 * beyond it a cursor that belongs to its search (q, filters, sort) and to nothing else.
 */
@Tag("unit")
class SearchPagingTest {

    static final ListingFilter NINGXIA = ListingFilter.parse(null, null, "640000", null, null, null);

    static SearchQuery page(String page, String size) {
        return SearchQuery.parse(null, NINGXIA, null, page, size, null);
    }

    @Test
    void thePageAndSizeDefaultToTheFirstTwenty() {
        var query = page(null, " ");
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(20);
        assertThat(query.sort()).isEqualTo(SearchQuery.Sort.NEWEST);
        assertThat(query.cursor()).isNull();
    }

    @ParameterizedTest(name = "page {0}, size {1}")
    @CsvSource({"0, 1", "0, 100", "99, 100", "499, 20", "9999, 1", "' 7 ', 10", "0012, 5"})
    void pagesReachTheTenThousandthResult(String page, String size) {
        var query = page(page, size);
        assertThat((long) (query.page() + 1) * query.size()).isLessThanOrEqualTo(10_000);
    }

    @ParameterizedTest(name = "page {0}, size {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "100   | 100 | page | pages reach only the first 10000 results; continue deeper with the cursor (nextCursor) of the previous page",
            "500   | 20  | page | pages reach only the first 10000 results; continue deeper with the cursor (nextCursor) of the previous page",
            "10000 | 1   | page | pages reach only the first 10000 results; continue deeper with the cursor (nextCursor) of the previous page",
            "-1    | 20  | page | must be 0 or more",
            "1e3   | 20  | page | must be a whole number 0 or more",
            "+5    | 20  | page | must be a whole number 0 or more",
            "9999999999 | 20 | page | must be a whole number 0 or more",
            "0     | 0   | size | must be between 1 and 100",
            "0     | 101 | size | must be between 1 and 100",
            "0     | 二十 | size | must be a whole number between 1 and 100"})
    void anythingElseIsA400NamingTheParameter(String page, String size, String field, String message) {
        var refusal = Refusal.of(() -> page(page, size));
        assertThat(refusal.fields()).containsExactly(field);
        assertThat(refusal.detail()).isEqualTo(message);
    }

    @Test
    void aHugePageTimesSizeDoesNotOverflowPastTheWindow() {
        assertThat(Refusal.of(() -> page("2147483647", "100")).fields()).containsExactly("page");
    }

    @Test
    void aCursorContinuesFromTheFirstPageOnly() {
        assertThat(SearchQuery.parse(null, NINGXIA, null, "0", "50", " abc.def ").cursor()).isEqualTo("abc.def");
        assertThat(Refusal.of(() -> SearchQuery.parse(null, NINGXIA, null, "2", "50", "abc.def")).detail())
                .isEqualTo("page and cursor cannot be combined: the cursor continues where the last page ended");
    }

    @Test
    void aCursorBelongsToItsSearchAloneAndNotToItsPage() {
        var cursors = new SearchCursor(new PublicityProperties(null, null, null,
                new PublicityProperties.Search("unit-test-cursor-secret"), null));
        var cementInNingxia = SearchQuery.parse("水泥", NINGXIA, null, null, "20", null);
        List<FieldValue> last = Arrays.asList(FieldValue.of(12.5), FieldValue.of("5f1d0000-0000-4000-8000-000000000214"));
        String cursor = cursors.encode(cementInNingxia.searchKey(), last);

        var nextPage = SearchQuery.parse("水泥", NINGXIA, "relevance", null, "50", cursor);
        assertThat(nextPage.searchKey()).as("the size may change").isEqualTo(cementInNingxia.searchKey());
        assertThat(cursors.decode(cursor, nextPage.searchKey(), nextPage.sort().cursorShape()))
                .extracting(FieldValue::_toJsonString).containsExactly("12.5", "5f1d0000-0000-4000-8000-000000000214");
        assertThat(nextPage.cacheKey()).isNotEqualTo(cementInNingxia.cacheKey());

        for (var other : List.of(SearchQuery.parse("水泥", ListingFilter.parse(null, null, "640100", null, null, null),
                        null, null, "20", null),
                SearchQuery.parse("水泥厂", NINGXIA, null, null, "20", null),
                SearchQuery.parse("水泥", NINGXIA, "name", null, "20", null),
                SearchQuery.parse("水泥", ListingFilter.parse(null, null, "640000", null, null, "ALL"), null, null, "20", null))) {
            var refusal = Refusal.of(() -> cursors.decode(cursor, other.searchKey(), SearchQuery.Sort.RELEVANCE.cursorShape()));
            assertThat(refusal.fields()).containsExactly("cursor");
            assertThat(refusal.detail()).isEqualTo("The cursor belongs to another search: keep q, the filters and sort as they were");
        }
    }

    @Test
    void aMissingSortValueSurvivesTheCursor() {
        var cursors = new SearchCursor(new PublicityProperties(null, null, null,
                new PublicityProperties.Search("unit-test-cursor-secret"), null));
        // a listing without a grant date sorts last (missing "_last"): Elasticsearch gives its sort value as
        // the smallest long (newest first), and refuses a null there
        String cursor = cursors.encode("k", List.of(FieldValue.of(2020), FieldValue.of(Long.MIN_VALUE), FieldValue.of("id")));
        var values = cursors.decode(cursor, "k", SearchQuery.Sort.NEWEST.cursorShape());
        assertThat(values.get(1).longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(values.get(2).stringValue()).isEqualTo("id");
        // a listing without a name: its keyword sort value is null
        String nameless = cursors.encode("k", java.util.Arrays.asList(FieldValue.NULL, FieldValue.NULL, FieldValue.of("id")));
        assertThat(cursors.decode(nameless, "k", SearchQuery.Sort.NAME.cursorShape()).getFirst().isNull()).isTrue();
        assertThat(Refusal.of(() -> cursors.decode(cursors.encode("k", java.util.Arrays.asList(FieldValue.of(2020),
                FieldValue.NULL, FieldValue.of("id"))), "k", SearchQuery.Sort.NEWEST.cursorShape())).fields())
                .containsExactly("cursor");
        assertThat(Refusal.of(() -> cursors.decode("a".repeat(1025), "k", SearchQuery.Sort.NEWEST.cursorShape())).detail())
                .isEqualTo("The cursor is too long");
    }
}
