package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;

import io.greenportal.platform.web.ApiException;
import io.greenportal.publicity.PublicityProperties;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SearchCursorTest {

    static PublicityProperties properties(String secret) {
        return new PublicityProperties(null, null, null, new PublicityProperties.Search(secret), null);
    }

    static final List<SearchCursor.Value> SCORE_THEN_ID = SearchQuery.Sort.RELEVANCE.cursorShape();

    final SearchCursor cursors = new SearchCursor(properties("test-secret"));

    @Test
    void aCursorCarriesTheSortValuesOfItsSearch() {
        String cursor = cursors.encode("q=水泥&sort=NEWEST", List.of(FieldValue.of(2024), FieldValue.of(1_700_000_000_000L),
                FieldValue.of("6f1c0a9e-0000-0000-0000-000000000001")));
        List<FieldValue> values = cursors.decode(cursor, "q=水泥&sort=NEWEST", SearchQuery.Sort.NEWEST.cursorShape());
        assertThat(values.get(0).longValue()).isEqualTo(2024);
        assertThat(values.get(1).longValue()).isEqualTo(1_700_000_000_000L);
        assertThat(values.get(2).stringValue()).isEqualTo("6f1c0a9e-0000-0000-0000-000000000001");
        assertThat(cursors.decode(cursors.encode("k", List.of(FieldValue.of(1.25), FieldValue.of("x"))), "k", SCORE_THEN_ID)
                .getFirst().doubleValue()).isEqualTo(1.25);
    }

    @Test
    void anythingElseIsA400OnTheCursorParameter() {
        String cursor = cursors.encode("k", List.of(FieldValue.of(1), FieldValue.of("a")));
        for (String bad : List.of("", ".", "abc", "a.b.c", cursor + "A", cursor.substring(1), "%%%.%%%",
                "eyJ2IjoxfQ." + cursor.substring(cursor.indexOf('.') + 1), "x".repeat(2000))) {
            assertThatThrownBy(() -> cursors.decode(bad, "k", SCORE_THEN_ID)).as(bad).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).field()).isEqualTo("cursor");
        }
        assertThatThrownBy(() -> cursors.decode(cursor, "other search", SCORE_THEN_ID)).isInstanceOf(ApiException.class)
                .hasMessageContaining("another search");
        assertThatThrownBy(() -> cursors.decode(cursor, "k", SearchQuery.Sort.NEWEST.cursorShape())).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new SearchCursor(properties("another-secret")).decode(cursor, "k", SCORE_THEN_ID))
                .as("signed with another secret").isInstanceOf(ApiException.class);
    }

    @Test
    void aSignedCursorWhoseValuesDoNotFitItsSortIsA400NotAnElasticsearchError() {
        // a validly signed cursor (say, with a leaked secret) whose values are of the wrong kinds
        for (List<FieldValue> values : List.of(List.of(FieldValue.of("x"), FieldValue.of("y")),
                List.of(FieldValue.of(true), FieldValue.of("id")), List.of(FieldValue.of("12.5"), FieldValue.of("id")),
                List.of(FieldValue.of(1.5), FieldValue.of(7)), List.of(FieldValue.of(1.5), FieldValue.of(false)), java.util.Arrays.asList(FieldValue.NULL, FieldValue.of("id")))) {
            String forged = cursors.encode("k", values);
            assertThatThrownBy(() -> cursors.decode(forged, "k", SCORE_THEN_ID)).as(values.toString())
                    .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).field()).isEqualTo("cursor");
        }
    }
}
