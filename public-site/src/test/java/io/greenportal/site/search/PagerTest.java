package io.greenportal.site.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.greenportal.site.api.SearchResult;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PagerTest {

    static SearchResult result(long total, String cursor) {
        return new SearchResult(List.of(), total, 0, SearchForm.SIZE, cursor, null, null, null);
    }

    @Test
    void numbersPagesAroundTheCurrentOneWithTheFirstAndTheLast() {
        SearchForm form = SearchForm.of(Map.of("q", "水泥", "page", "10"));
        Pager pager = Pager.of(form, result(1000, "c"));
        assertThat(pager.links()).extracting(Pager.Link::label).containsExactly("1", "…", "9", "10", "11", "12", "13", "…", "50");
        assertThat(pager.links()).filteredOn(Pager.Link::current).extracting(Pager.Link::label).containsExactly("11");
        assertThat(pager.previous()).isEqualTo("/search?q=%E6%B0%B4%E6%B3%A5&page=9");
        assertThat(pager.next()).isEqualTo("/search?q=%E6%B0%B4%E6%B3%A5&page=11");
    }

    @Test
    void theLastNumberedPageHandsOverToTheCursor() {
        SearchForm form = SearchForm.of(Map.of("page", "499"));
        Pager pager = Pager.of(form, result(30_000, "abc+/="));
        assertThat(pager.links()).extracting(Pager.Link::label).endsWith("500");
        assertThat(pager.next()).isEqualTo("/search?cursor=abc%2B%2F%3D&from=10000");
        Pager continued = Pager.of(SearchForm.of(Map.of("cursor", "abc", "from", "10000")), result(30_000, "def"));
        assertThat(continued.next()).isEqualTo("/search?cursor=def&from=10020");
        assertThat(continued.restart()).isEqualTo("/search");
        assertThat(Pager.of(SearchForm.of(Map.of("cursor", "abc", "from", "29980")), result(30_000, null)).next()).isNull();
    }

    @Test
    void badPageNumbersAreReadAsTheFirstOrTheLastPage() {
        assertThat(SearchForm.of(Map.of("page", "abc")).page()).isZero();
        assertThat(SearchForm.of(Map.of("page", "-3")).page()).isZero();
        assertThat(SearchForm.of(Map.of("page", "100000")).page()).isEqualTo(SearchForm.LAST_NUMBERED_PAGE);
    }

    @Test
    void facetLinksAreNewSearchesThatKeepTheOtherChoices() {
        SearchForm form = SearchForm.of(Map.of("q", "a&b", "level", "NATIONAL", "page", "3"));
        assertThat(form.with("type", "GREEN_PARK")).isEqualTo("/search?q=a%26b&type=GREEN_PARK&level=NATIONAL");
        assertThat(form.without("level")).isEqualTo("/search?q=a%26b");
    }
}
