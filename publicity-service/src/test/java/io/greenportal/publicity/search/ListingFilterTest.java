package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public search filters: every value checked before anything reaches Elasticsearch (a bad one is
 * a 400 naming its parameter), then turned into typed term clauses, never query syntax.
 */
@Tag("unit")
class ListingFilterTest {

    static ListingFilter region(String code) {
        return ListingFilter.parse(null, null, code, null, null, null);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "type     | FACTORY                    | must be one of GREEN_FACTORY, GREEN_PARK, GREEN_PRODUCT, GREEN_SUPPLY_CHAIN",
            "type     | 绿色工厂                   | must be one of GREEN_FACTORY, GREEN_PARK, GREEN_PRODUCT, GREEN_SUPPLY_CHAIN",
            "level    | COUNTY                     | must be one of MUNICIPAL, NATIONAL, PROVINCIAL",
            "region   | 64000                      | must be a 6-digit GB/T 2260 code such as 640000 or 640100",
            "region   | 6400001                    | must be a 6-digit GB/T 2260 code such as 640000 or 640100",
            "region   | 040000                     | must be a 6-digit GB/T 2260 code such as 640000 or 640100",
            "region   | 64*                        | must be a 6-digit GB/T 2260 code such as 640000 or 640100",
            "industry | C3                         | must be a GB/T 4754-2017 section (C) or division (C30)",
            "industry | U01                        | must be a GB/T 4754-2017 section (C) or division (C30)",
            "industry | C30 OR 1=1                 | must be a GB/T 4754-2017 section (C) or division (C30)",
            "year     | 24                         | must be a year such as 2024",
            "year     | 2024.0                     | must be a year such as 2024",
            "year     | 1989                       | must be between 1990 and 2100",
            "year     | 2101                       | must be between 1990 and 2100",
            "status   | DELETED                    | must be ACTIVE, SUSPENDED, REVOKED (comma-separated) or ALL",
            "status   | ACTIVE,SUSPENDED,REVOKED,X | must be ACTIVE, SUSPENDED, REVOKED (comma-separated) or ALL",
            "status   | ACTIVE,,REVOKED            | must be ACTIVE, SUSPENDED, REVOKED (comma-separated) or ALL",
            "status   | 'ACTIVE,'                  | must be ACTIVE, SUSPENDED, REVOKED (comma-separated) or ALL",
            "status   | ' , '                      | must be ACTIVE, SUSPENDED, REVOKED (comma-separated) or ALL"})
    void aBadValueIsA400NamingItsParameter(String parameter, String value, String message) {
        var refusal = Refusal.of(() -> ListingFilter.parse(parameter.equals("type") ? value : null,
                parameter.equals("level") ? value : null, parameter.equals("region") ? value : null,
                parameter.equals("industry") ? value : null, parameter.equals("year") ? value : null,
                parameter.equals("status") ? value : null));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.fields()).containsExactly(parameter);
        assertThat(refusal.detail()).isEqualTo(message);
    }

    @Test
    void wellFormedValuesAreCanonical() {
        var filter = ListingFilter.parse(" green_park ", "Provincial", " 640100 ", " c ", " 2023 ", "suspended, active");
        assertThat(filter).isEqualTo(new ListingFilter("GREEN_PARK", "PROVINCIAL", "640100", "C", 2023,
                Set.of("ACTIVE", "SUSPENDED")));
        assertThat(filter.key()).as("statuses in a stable order, whatever order they came in")
                .isEqualTo(ListingFilter.parse("GREEN_PARK", "PROVINCIAL", "640100", "C", "2023", "ACTIVE,SUSPENDED").key());
        assertThat(ListingFilter.parse(null, null, null, null, null, "all").statuses())
                .containsExactlyInAnyOrder("ACTIVE", "SUSPENDED", "REVOKED");
        assertThat(ListingFilter.none()).isEqualTo(ListingFilter.parse(null, null, null, null, null, null));
        assertThat(ListingFilter.parse(null, null, null, null, "1990", null).year()).isEqualTo(1990);
        assertThat(ListingFilter.parse(null, null, null, null, "2100", null).year()).isEqualTo(2100);
    }

    @Test
    void withoutAStatusRevokedListingsAreLeftOutAndSuspendedOnesShown() {
        List<Query> clauses = ListingFilter.none().clauses();
        assertThat(clauses).singleElement().satisfies(q -> {
            assertThat(q.terms().field()).isEqualTo("status");
            assertThat(q.terms().terms().value()).extracting(FieldValue::stringValue).containsExactly("ACTIVE", "SUSPENDED");
        });
        assertThat(ListingFilter.parse(null, null, null, null, null, "ALL").clauses())
                .as("all statuses: no clause at all").isEmpty();
        assertThat(ListingFilter.parse(null, null, null, null, null, "REVOKED").clauses().getFirst().terms().terms().value())
                .extracting(FieldValue::stringValue).containsExactly("REVOKED");
    }

    @Test
    void aProvinceOrCityFiltersEverythingUnderIt() {
        assertThat(region("640000").clauses().getFirst().term().field()).isEqualTo("provinceCode");
        assertThat(region("640100").clauses().getFirst().term().field()).isEqualTo("cityCode");
        assertThat(region("140223").clauses().getFirst().term().field()).isEqualTo("regionCode");
        assertThat(region("140200").clauses().getFirst().term().value().stringValue()).isEqualTo("140200");
    }

    @Test
    void aSectionMatchesItsDivisionsByPrefixAndADivisionExactly() {
        Query section = ListingFilter.parse(null, null, null, "C", null, "ALL").clauses().getFirst();
        assertThat(section.isPrefix()).isTrue();
        assertThat(section.prefix().field()).isEqualTo("industryCode");
        assertThat(section.prefix().value()).isEqualTo("C");
        Query division = ListingFilter.parse(null, null, null, "D44", null, "ALL").clauses().getFirst();
        assertThat(division.isTerm()).isTrue();
        assertThat(division.term().value().stringValue()).isEqualTo("D44");
    }

    @Test
    void everyFilterIsATypedTermClause() {
        var filter = ListingFilter.parse("GREEN_FACTORY", "NATIONAL", "140200", "C30", "2020", null);
        assertThat(filter.clauses()).hasSize(6).allMatch(q -> q.isTerm() || q.isTerms());
        assertThat(filter.clauses()).extracting(q -> q.isTerm() ? q.term().field() : q.terms().field())
                .containsExactly("type", "level", "cityCode", "industryCode", "year", "status");
        assertThat(filter.query().bool().filter()).hasSize(6);
        assertThat(filter.key()).isEqualTo(
                "type=GREEN_FACTORY&level=NATIONAL&region=140200&industry=C30&year=2020&status=ACTIVE,SUSPENDED");
    }
}
