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

    final SearchCursor cursors = new SearchCursor(properties("test-secret"));

    @Test
    void aCursorCarriesTheSortValuesOfItsSearch() {
        String cursor = cursors.encode("q=水泥&sort=NEWEST", List.of(FieldValue.of(2024), FieldValue.of(1_700_000_000_000L),
                FieldValue.of("6f1c0a9e-0000-0000-0000-000000000001")));
        List<FieldValue> values = cursors.decode(cursor, "q=水泥&sort=NEWEST", 3);
        assertThat(values.get(0).longValue()).isEqualTo(2024);
        assertThat(values.get(1).longValue()).isEqualTo(1_700_000_000_000L);
        assertThat(values.get(2).stringValue()).isEqualTo("6f1c0a9e-0000-0000-0000-000000000001");
        assertThat(cursors.decode(cursors.encode("k", List.of(FieldValue.of(1.25), FieldValue.of("x"))), "k", 2)
                .getFirst().doubleValue()).isEqualTo(1.25);
    }

    @Test
    void anythingElseIsA400OnTheCursorParameter() {
        String cursor = cursors.encode("k", List.of(FieldValue.of(1), FieldValue.of("a")));
        for (String bad : List.of("", ".", "abc", "a.b.c", cursor + "A", cursor.substring(1), "%%%.%%%",
                "eyJ2IjoxfQ." + cursor.substring(cursor.indexOf('.') + 1), "x".repeat(2000))) {
            assertThatThrownBy(() -> cursors.decode(bad, "k", 2)).as(bad).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).field()).isEqualTo("cursor");
        }
        assertThatThrownBy(() -> cursors.decode(cursor, "other search", 2)).isInstanceOf(ApiException.class)
                .hasMessageContaining("another search");
        assertThatThrownBy(() -> cursors.decode(cursor, "k", 3)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new SearchCursor(properties("another-secret")).decode(cursor, "k", 2))
                .as("signed with another secret").isInstanceOf(ApiException.class);
    }
}
