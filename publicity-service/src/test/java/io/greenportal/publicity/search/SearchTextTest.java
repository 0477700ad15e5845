package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How typed text becomes a query: names by contiguous phrase (the standard analyzer splits Chinese into
 * characters, so 大同水泥 must not find 大同…水泥 apart), certificate numbers and credit codes exactly or
 * by prefix; always typed clauses, so query syntax in the text is just text.
 */
@Tag("unit")
class SearchTextTest {

    static List<Query> should(String q) {
        return ListingSearch.text(q).bool().should();
    }

    @Test
    void namesMatchAsAContiguousPhraseOrItsBeginning() {
        List<Query> clauses = should("冀东水泥");
        assertThat(clauses).filteredOn(Query::isMatchPhrase).extracting(q -> q.matchPhrase().field())
                .containsExactly("enterpriseName", "subjectName");
        assertThat(clauses).filteredOn(Query::isMatchPhrase).allMatch(q -> q.matchPhrase().slop() == 0
                && q.matchPhrase().query().equals("冀东水泥"));
        assertThat(clauses).filteredOn(Query::isMatchPhrasePrefix).hasSize(2);
        assertThat(clauses).as("Chinese text is no code: no prefix on numbers").noneMatch(Query::isPrefix);
        assertThat(ListingSearch.text("冀东水泥").bool().minimumShouldMatch()).isEqualTo("1");
    }

    @Test
    void aCreditCodeOrCertificateNumberMatchesExactlyOrByItsBeginning() {
        List<Query> clauses = should("9144030071526726XG");
        assertThat(clauses).filteredOn(Query::isTerm).extracting(q -> q.term().field() + "=" + q.term().value().stringValue())
                .containsExactly("certificateNumber=9144030071526726xg", "uscc=9144030071526726xg");
        assertThat(clauses).filteredOn(Query::isPrefix).extracting(q -> q.prefix().field())
                .containsExactly("certificateNumber", "uscc");
        assertThat(should("GF-6400")).filteredOn(Query::isPrefix).extracting(q -> q.prefix().value())
                .containsExactly("gf-6400", "gf-6400");
        assertThat(should("GF-")).as("three characters are too few for a prefix").noneMatch(Query::isPrefix);
    }

    @Test
    void querySyntaxIsJustText() {
        String hostile = "水泥\" OR uscc:* AND _exists_:id";
        List<Query> clauses = should(hostile);
        assertThat(clauses).noneMatch(q -> q.isQueryString() || q.isSimpleQueryString() || q.isWildcard() || q.isRegexp());
        assertThat(clauses).filteredOn(Query::isMatchPhrase).allMatch(q -> q.matchPhrase().query().equals(hostile));
        assertThat(clauses).noneMatch(Query::isPrefix);
    }

    @Test
    void textFiltersAndNothingElse() {
        var filter = ListingFilter.parse("GREEN_FACTORY", null, "140200", null, null, null);
        Query withText = ListingSearch.query("水泥", filter);
        assertThat(withText.bool().filter()).hasSize(3);
        assertThat(withText.bool().must()).hasSize(1);
        Query withoutText = ListingSearch.query(null, filter);
        assertThat(withoutText.bool().must()).isEmpty();
        assertThat(withoutText.bool().filter()).hasSize(3);
    }

    @Test
    void regionFacetsGoOneLevelDown() {
        assertThat(ListingSearch.regionFacetField(ListingFilter.none())).isEqualTo("cityCode");
        assertThat(ListingSearch.regionFacetField(ListingFilter.parse(null, null, "140000", null, null, null)))
                .isEqualTo("cityCode");
        assertThat(ListingSearch.regionFacetField(ListingFilter.parse(null, null, "140200", null, null, null)))
                .isEqualTo("regionCode");
        assertThat(ListingSearch.regionFacetField(ListingFilter.parse(null, null, "140223", null, null, null)))
                .isEqualTo("regionCode");
    }

    @Test
    void typedTextIsTrimmedStrippedOfControlsAndAtMostAHundredCharacters() {
        assertThat(SearchQuery.text("\u0007大同\t冀东\n")).isEqualTo("大同 冀东");
        assertThat(SearchQuery.text("水".repeat(100))).hasSize(100);
        assertThat(Refusal.of(() -> SearchQuery.text("水".repeat(101))).fields()).containsExactly("q");
    }
}
