package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import io.greenportal.platform.web.ApiException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SearchQueryTest {

    @Test
    void filtersAreNormalisedAndRevokedListingsLeftOutByDefault() {
        ListingFilter filter = ListingFilter.parse(" green_factory ", "national", "640100", "c30", "2024", null);
        assertThat(filter.type()).isEqualTo("GREEN_FACTORY");
        assertThat(filter.level()).isEqualTo("NATIONAL");
        assertThat(filter.industry()).isEqualTo("C30");
        assertThat(filter.year()).isEqualTo(2024);
        assertThat(filter.statuses()).isEqualTo(Set.of("ACTIVE", "SUSPENDED"));
        assertThat(ListingFilter.parse(null, null, null, null, null, "ALL").statuses()).hasSize(3);
        assertThat(ListingFilter.parse(null, null, null, null, null, "revoked").statuses()).containsExactly("REVOKED");
        assertThat(ListingFilter.parse(null, null, null, null, null, "ACTIVE,REVOKED").statuses())
                .containsExactlyInAnyOrder("ACTIVE", "REVOKED");
    }

    @Test
    void aRegionFiltersEverythingUnderIt() {
        assertThat(ListingFilter.regionField("640000")).isEqualTo("provinceCode");
        assertThat(ListingFilter.regionField("640100")).isEqualTo("cityCode");
        assertThat(ListingFilter.regionField("640106")).isEqualTo("regionCode");
        assertThat(ListingSearch.regionFacetField(ListingFilter.parse(null, null, "640000", null, null, null))).isEqualTo("cityCode");
        assertThat(ListingSearch.regionFacetField(ListingFilter.parse(null, null, "640100", null, null, null))).isEqualTo("regionCode");
    }

    @Test
    void textIsTrimmedAndLimited() {
        assertThat(SearchQuery.text("  冀东水泥 ")).isEqualTo("冀东水泥");
        assertThat(SearchQuery.text(" \t ")).isNull();
        assertThat(SearchQuery.text("a\u0000b")).isEqualTo("a b");
        assertThat(SearchQuery.text("𠀀".repeat(100))).hasSize(200);
        assertThatThrownBy(() -> SearchQuery.text("水".repeat(101))).isInstanceOf(ApiException.class);
    }

    @Test
    void sortDefaultsToRelevanceWithTextAndNewestWithout() {
        assertThat(SearchQuery.sort(null, "水泥")).isEqualTo(SearchQuery.Sort.RELEVANCE);
        assertThat(SearchQuery.sort(null, null)).isEqualTo(SearchQuery.Sort.NEWEST);
        assertThat(SearchQuery.sort("relevance", null)).isEqualTo(SearchQuery.Sort.NEWEST);
        assertThat(SearchQuery.sort("Name", "x")).isEqualTo(SearchQuery.Sort.NAME);
        assertThatThrownBy(() -> SearchQuery.sort("id", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void pagesStopAtTheResultWindow() {
        ListingFilter none = ListingFilter.none();
        assertThat(SearchQuery.parse(null, none, null, "99", "100", null).page()).isEqualTo(99);
        assertThatThrownBy(() -> SearchQuery.parse(null, none, null, "100", "100", null))
                .isInstanceOf(ApiException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> SearchQuery.parse(null, none, null, "1", null, "abc.def"))
                .isInstanceOf(ApiException.class);
        assertThat(SearchQuery.parse("x", none, "name", null, null, null).searchKey())
                .isNotEqualTo(SearchQuery.parse("x", none, "newest", null, null, null).searchKey());
    }
}
