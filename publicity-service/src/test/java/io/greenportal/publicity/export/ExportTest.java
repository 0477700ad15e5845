package io.greenportal.publicity.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import io.greenportal.publicity.search.ListingIndex;
import io.greenportal.publicity.search.ListingIndexer;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.StandaloneTest;
import io.greenportal.publicity.support.SyntheticIndex;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data exports stream every matching listing once, page by page with search_after (the
 * test configuration uses pages of 100), and the client reads them as they come.
 */
@StandaloneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {

    static final int PAGE = 100;

    @Autowired
    RestTestClient rest;

    @Autowired
    ListingIndex index;

    @Autowired
    ListingIndexer indexer;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void fill() throws Exception {
        SyntheticIndex.ensure(index, indexer);
    }

    @Test
    void theCsvStreamsEveryListingPageByPage() throws Exception {
        long expected = SyntheticIndex.count(SyntheticIndex::listedByDefault);
        double pagesBefore = pages();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/public/export.csv")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .contains(".csv");
        assertThat(response.headers().firstValue("X-Total-Count").orElseThrow()).isEqualTo(Long.toString(expected));
        Set<String> ids = new HashSet<>();
        long firstRowMicros = -1;
        double pagesAtFirstRow = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            assertThat(header).startsWith("\uFEFFid,certificate_number,certificate_number_assigned,type,type_name,level");
            assertThat(header.substring(1).split(",")).hasSize(ExportColumns.ALL.size());
            String line;
            while ((line = reader.readLine()) != null) {
                if (firstRowMicros < 0) {
                    firstRowMicros = (System.nanoTime() - start) / 1000;
                    pagesAtFirstRow = pages() - pagesBefore;
                }
                ids.add(line.substring(0, line.indexOf(',')));
            }
        }
        long totalMicros = (System.nanoTime() - start) / 1000;
        double pagesUsed = pages() - pagesBefore;
        System.out.printf("CSV export of %d listings: first row after %d µs (%.0f of %.0f pages fetched by then), all after %d µs%n",
                expected, firstRowMicros, pagesAtFirstRow, pagesUsed, totalMicros);
        assertThat(ids).hasSize((int) expected).contains(SyntheticIndex.id(1).toString())
                .doesNotContain(SyntheticIndex.id(40).toString());
        assertThat(pagesUsed).as("search_after pages of %d", PAGE).isEqualTo(Math.ceil(expected / (double) PAGE));
        assertThat(pagesAtFirstRow).as("the first rows arrive while later pages are still to be fetched")
                .isLessThan(pagesUsed);
    }

    @Test
    void csvCellsAreQuotedAndSpreadsheetSafe() {
        String csv = rest.get().uri("/api/v1/public/export.csv?region=640106&year=2011&bom=false").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("id,");
        assertThat(lines.length - 1).isEqualTo((int) SyntheticIndex.count(
                i -> SyntheticIndex.listedByDefault(i) && i % 6 == 1 && 2010 + i % 16 == 2011));
        assertThat(lines[1]).contains("宁夏合成测试企业").contains("非金属矿物制品业").contains("WATER_REUSE_RATE=9");
        assertThat(Csv.cell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell(-5)).isEqualTo("-5");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void theJsonExportIsOneArrayReadIncrementally() throws Exception {
        long expected = SyntheticIndex.count(i -> i % 40 == 0);
        double pagesBefore = pages();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/public/export.json?status=REVOKED")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long count = 0;
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        try (JsonParser parser = json.createParser(response.body())) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode listing = json.readTree(parser);
                assertThat(listing.path("status").asString()).isEqualTo("REVOKED");
                assertThat(listing.path("status_reason").asString()).startsWith("合成数据的状态原因");
                assertThat(listing.path("status_changed_at").asString()).as("times in Asia/Shanghai, as documented")
                        .startsWith("2025-01-01T09:00").endsWith("+08:00");
                assertThat(listing.path("indicators").get(0).path("value").asString()).endsWith(".5");
                assertThat(listing.path("year").isInt()).isTrue();
                assertThat(listing.path("certificate_number_assigned").isBoolean()).as("a JSON boolean, as the dictionary says")
                        .isTrue();
                count++;
            }
        }
        assertThat(count).isEqualTo(expected);
        assertThat(pages() - pagesBefore).isEqualTo(Math.ceil(expected / (double) PAGE));
    }

    @Test
    void anExportOfASearchHoldsWhatTheSearchFinds() throws Exception {
        // 宁夏合成测试企业1号, 10号 … 19号, 100号 …: the same words the search takes, the same total
        String q = java.net.URLEncoder.encode("合成测试企业1 有限公司", StandardCharsets.UTF_8);
        long found = new Api(rest).get("/api/v1/public/listings?size=1&q={q}", "合成测试企业1 有限公司").path("total").asLong();
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/public/export.csv?bom=false&q=" + q)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(found).isPositive().isLessThan(SyntheticIndex.count(SyntheticIndex::listedByDefault));
        assertThat(csv.headers().firstValue("X-Total-Count").orElseThrow()).isEqualTo(Long.toString(found));
        assertThat(csv.body().lines().skip(1).toList()).hasSize((int) found)
                .allSatisfy(row -> assertThat(row).contains("合成测试企业1"));
        HttpResponse<String> tooLong = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/public/export.json?q=" + "x".repeat(101))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"q\"");
    }

    @Test
    void theColumnDictionaryDescribesEveryColumn() {
        JsonNode dictionary = new Api(rest).get("/api/v1/public/export/dictionary");
        assertThat(dictionary.path("columns").findValuesAsString("name"))
                .containsExactlyElementsOf(ExportColumns.ALL.stream().map(ExportColumns.Column::name).toList());
        dictionary.path("columns").forEach(c -> assertThat(c.path("description").asString()).isNotBlank());
        // and in Chinese, for the public site's open-data page: Han characters in every one
        dictionary.path("columns").forEach(c -> assertThat(c.path("descriptionZh").asString()).as(c.path("name").asString())
                .containsPattern("\\p{IsHan}"));
    }

    private double pages() {
        return meters.get("publicity.export.pages").counter().count();
    }
}
