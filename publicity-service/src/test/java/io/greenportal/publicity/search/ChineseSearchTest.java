package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Chinese names are found by any contiguous part a person would type, and not by the same
 * characters in another order or with a gap; Latin models by their beginning; certificate numbers
 * and credit codes exactly.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChineseSearchTest {

    @Autowired
    RestTestClient rest;

    Api api;
    String mark;
    Listing cement;
    Listing rebar;

    @BeforeAll
    void registerListings() {
        api = new Api(rest);
        mark = Registry.uniqueHan(4);
        cement = Registry.factory("大同" + mark + "冀东水泥有限责任公司", "140214", 2020);
        rebar = Registry.product("山西" + mark + "特钢有限公司", "140212", "热轧带肋钢筋", "HRB400E", 2021);
        Await.until(Duration.ofSeconds(60), "both test listings indexed",
                () -> Api.ids(api.get("/api/v1/public/listings?q={q}&size=10", mark)).containsAll(
                        List.of(cement.getId(), rebar.getId())));
    }

    @BeforeEach
    void client() {
        api = new Api(rest);
    }

    @Test
    void contiguousPartsOfTheNameFindIt() {
        for (String q : List.of("冀东水泥", "水泥", "冀东", mark + "冀东水泥", "东水泥有限责任", "大同" + mark, mark)) {
            assertThat(allIds(q)).as("q=%s", q).contains(cement.getId());
        }
    }

    @Test
    void wordsSeparatedBySpacesMustEachOccurAnywhereInTheName() {
        for (String q : List.of(mark + " 水泥", "大同 水泥", "水泥 " + mark, "大同\u3000" + mark + "  有限责任")) {
            List<JsonNode> hits = all(q);
            assertThat(hits.stream().map(h -> h.path("id").asString())).as("q=%s", q).contains(cement.getId());
            for (JsonNode hit : hits) {
                String names = hit.path("enterprise").path("name").asString() + " " + hit.path("subjectName").asString();
                for (String word : q.split("[\\s\u3000]+")) {
                    assertThat(names).as("every hit for %s holds %s contiguously", q, word).contains(word);
                }
            }
        }
        // each word is still contiguous within itself, and every word must be there
        assertThat(allIds(mark + " 泥水")).doesNotContain(cement.getId());
        assertThat(allIds(mark + " 特钢")).doesNotContain(cement.getId()).contains(rebar.getId());
    }

    @Test
    void theSearchsRegionFilterIsNamedWhileItsFacetsCountTheLevelBelow() {
        JsonNode page = api.get("/api/v1/public/listings?q={q}&region=140200", mark);
        assertThat(page.path("selected").path("region").path("value").asString()).isEqualTo("140200");
        assertThat(page.path("selected").path("region").path("name").asString()).isEqualTo("大同市");
        assertThat(page.path("facets").path("region").findValuesAsString("value")).contains("140214");
        assertThat(api.get("/api/v1/public/listings?q={q}", mark).has("selected")).isFalse();
    }

    @Test
    void theSameCharactersInAnotherOrderOrWithGapsDoNot() {
        String reversedMark = new StringBuilder(mark).reverse().toString();
        for (String q : List.of("泥水", "东冀", "冀水", "水冀东", "泥东水冀", "冀东泥", reversedMark + "冀东")) {
            List<JsonNode> hits = all(q);
            assertThat(hits.stream().map(h -> h.path("id").asString())).as("q=%s", q).doesNotContain(cement.getId());
            for (JsonNode hit : hits) {
                String names = hit.path("enterprise").path("name").asString() + " " + hit.path("subjectName").asString();
                assertThat(names).as("every hit for %s holds it contiguously", q).contains(q);
            }
        }
    }

    @Test
    void matchesAreHighlightedAsOneRun() {
        JsonNode page = api.get("/api/v1/public/listings?q={q}", mark + "冀东水泥");
        JsonNode hit = Api.item(page, cement.getId());
        assertThat(hit.path("highlight").path("enterpriseName").asString())
                .isEqualTo("大同<em>" + mark + "冀东水泥</em>有限责任公司");
    }

    @Test
    void latinModelsMatchByTheirBeginningAndIgnoreCase() {
        for (String q : List.of("HRB400E", "hrb400e", "HRB400", "热轧带肋钢筋 HRB400E", "带肋钢筋")) {
            assertThat(allIds(q)).as("q=%s", q).contains(rebar.getId());
        }
        assertThat(allIds("HRB500")).doesNotContain(rebar.getId());
        assertThat(allIds("钢筋带肋")).doesNotContain(rebar.getId());
    }

    @Test
    void certificateNumbersAndCreditCodesMatchExactly() {
        JsonNode byCertificate = api.get("/api/v1/public/listings?q={q}", cement.getCertificateNumber());
        assertThat(byCertificate.path("items").get(0).path("id").asString()).isEqualTo(cement.getId());
        JsonNode lowerCase = api.get("/api/v1/public/listings?q={q}", cement.getCertificateNumber().toLowerCase());
        assertThat(lowerCase.path("items").get(0).path("id").asString()).isEqualTo(cement.getId());
        JsonNode byUscc = api.get("/api/v1/public/listings?q={q}", cement.getEnterprise().getUscc());
        assertThat(Api.ids(byUscc)).containsExactly(cement.getId());
    }

    @Test
    void suggestionsOfferNamesContainingWhatWasTyped() {
        JsonNode suggestions = api.get("/api/v1/public/suggest?q={q}", mark + "冀东水");
        assertThat(suggestions.path("suggestions").findValuesAsString("text")).contains("大同" + mark + "冀东水泥有限责任公司");
        JsonNode products = api.get("/api/v1/public/suggest?q={q}", "热轧带肋钢筋 HRB4");
        assertThat(products.path("suggestions").findValuesAsString("text")).contains("热轧带肋钢筋 HRB400E");
        JsonNode reversed = api.get("/api/v1/public/suggest?q={q}", "泥水东冀");
        assertThat(reversed.path("suggestions").findValuesAsString("text"))
                .doesNotContain("大同" + mark + "冀东水泥有限责任公司");
    }

    /** Every hit of a search, following the cursor to the end. */
    private List<JsonNode> all(String q) {
        List<JsonNode> hits = new ArrayList<>();
        JsonNode page = api.get("/api/v1/public/listings?q={q}&size=100", q);
        page.path("items").forEach(hits::add);
        while (!page.path("nextCursor").isMissingNode() && !page.path("nextCursor").isNull()) {
            page = api.get("/api/v1/public/listings?q={q}&size=100&cursor={c}", q, page.path("nextCursor").asString());
            page.path("items").forEach(hits::add);
        }
        return hits;
    }

    private List<String> allIds(String q) {
        return all(q).stream().map(h -> h.path("id").asString()).toList();
    }

    @Test
    void codesTypedFullWidthFindTheirListing() {
        // a Chinese input method types ＧＦ－… and ９１６４…: folded, they are the certificate number and credit code
        String number = cement.getCertificateNumber();
        String uscc = cement.getEnterprise().getUscc();
        for (String q : List.of(fullWidth(number), fullWidth(uscc), fullWidth(number.substring(0, 9)))) {
            assertThat(allIds(q)).as("q=%s", q).contains(cement.getId());
        }
    }

    static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }
}
