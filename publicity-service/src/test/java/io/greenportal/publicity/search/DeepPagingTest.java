package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;

import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.StandaloneTest;
import io.greenportal.publicity.support.SyntheticIndex;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Past 10,000 results only the cursor goes: it reaches every listing once, in order, and stays as
 * fast at the end as at the start; cursors are tamper-proof and bound to their search.
 */
@StandaloneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepPagingTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    ListingIndex index;

    @Autowired
    ListingIndexer indexer;

    @Autowired
    SearchCursor signedCursors;

    Api api;

    @BeforeAll
    void fill() throws Exception {
        SyntheticIndex.ensure(index, indexer);
        api = new Api(rest);
    }

    @Test
    void theCursorReachesEveryListingOncePast10000() {
        long expected = SyntheticIndex.count(SyntheticIndex::listedByDefault);
        assertThat(expected).isGreaterThan(10_000);
        JsonNode page = api.get("/api/v1/public/listings?size=100");
        assertThat(page.path("total").asLong()).isEqualTo(expected);
        Set<String> seen = new HashSet<>();
        List<Long> firstPages = new ArrayList<>();
        List<Long> lastPages = new ArrayList<>();
        int previousYear = Integer.MAX_VALUE;
        int pages = 0;
        while (true) {
            for (JsonNode item : page.path("items")) {
                assertThat(seen.add(item.path("id").asString())).as("each listing once").isTrue();
                int year = item.path("year").asInt();
                assertThat(year).as("newest first").isLessThanOrEqualTo(previousYear);
                previousYear = year;
            }
            pages++;
            JsonNode next = page.path("nextCursor");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            long start = System.nanoTime();
            page = api.get("/api/v1/public/listings?size=100&cursor={c}", next.asString());
            long micros = (System.nanoTime() - start) / 1000;
            (pages <= 10 ? firstPages : lastPages).add(micros);
            assertThat(page.has("facets")).as("facets come with the first page only").isFalse();
        }
        assertThat(seen).hasSize((int) expected);
        System.out.printf("cursor paging over %d listings in %d pages; first pages %s µs; last pages (past 10,000) median %d µs%n",
                expected, pages, firstPages, lastPages.stream().sorted().toList().get(lastPages.size() / 2));
    }

    @Test
    void aFilteredSearchPagesThroughItsOwnResults() {
        long expected = SyntheticIndex.count(i -> SyntheticIndex.listedByDefault(i) && i % 6 == 2 && i % 4 == 0);
        Set<String> seen = new HashSet<>();
        JsonNode page = api.get("/api/v1/public/listings?region=640202&type=GREEN_FACTORY&size=37&sort=name");
        assertThat(page.path("total").asLong()).isEqualTo(expected);
        while (true) {
            page.path("items").forEach(item -> {
                assertThat(item.path("enterprise").path("regionCode").asString()).isEqualTo("640202");
                seen.add(item.path("id").asString());
            });
            JsonNode next = page.path("nextCursor");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            page = api.get("/api/v1/public/listings?region=640202&type=GREEN_FACTORY&size=37&sort=name&cursor={c}",
                    next.asString());
        }
        assertThat(seen).hasSize((int) expected);
    }

    @Test
    void shallowPagesStopAt10000() {
        JsonNode last = api.get("/api/v1/public/listings?page=99&size=100");
        assertThat(last.path("items").size()).isEqualTo(100);
        assertThat(last.path("nextCursor").asString()).isNotBlank();
        rest.get().uri("/api/v1/public/listings?page=100&size=100").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("page");
    }

    @Test
    void brokenForgedOrForeignCursorsAreRefused() {
        String cursor = api.get("/api/v1/public/listings?size=5").path("nextCursor").asString();
        String body = cursor.substring(0, cursor.indexOf('.'));
        String signature = cursor.substring(cursor.indexOf('.') + 1);
        String forgedBody = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(body)).replace("\"a\":[", "\"a\":[1,").getBytes());
        for (String bad : List.of(cursor.substring(0, cursor.length() - 2), body + ".", "." + signature,
                forgedBody + "." + signature, cursor + "x", cursor.replace('.', '!'), "null", "[]", "{}")) {
            var result = rest.get().uri("/api/v1/public/listings?size=5&cursor={c}", bad).exchange()
                    .expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as(bad).isEqualTo(400);
            assertThat(Api.parse(result.getResponseBody()).path("field").asString()).isEqualTo("cursor");
        }
        // a genuine cursor used for another search
        for (String other : List.of("size=5&sort=name", "size=5&type=GREEN_PARK", "size=5&q=合成", "size=5&status=ALL")) {
            rest.get().uri("/api/v1/public/listings?" + other + "&cursor={c}", cursor).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("cursor");
        }
        // the same search with another page size may continue
        rest.get().uri("/api/v1/public/listings?size=50&cursor={c}", cursor).exchange().expectStatus().isOk();

        // validly signed (the secret leaked, say) but with values of the wrong kinds: a 400, never the
        // 503 of search being down, which would count against the service at the gateway's circuit
        String searchKey = SearchQuery.parse(null, ListingFilter.parse(null, null, null, null, null, null), null, null,
                "5", null).searchKey();
        for (List<FieldValue> values : List.of(List.of(FieldValue.of("x"), FieldValue.of("y"), FieldValue.of("z")),
                List.of(FieldValue.of(true), FieldValue.of(false), FieldValue.of("id")),
                List.of(FieldValue.of(2025), FieldValue.of("notanumber"), FieldValue.of("id")))) {
            String forged = signedCursors.encode(searchKey, values);
            rest.get().uri("/api/v1/public/listings?size=5&cursor={c}", forged).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("cursor");
        }
        // and the values a genuine cursor of this search holds continue it
        rest.get().uri("/api/v1/public/listings?size=5&cursor={c}", signedCursors.encode(searchKey,
                List.of(FieldValue.of(2025), FieldValue.of(Long.MIN_VALUE), FieldValue.of("0")))).exchange()
                .expectStatus().isOk();
    }
}
