package io.greenportal.publicity.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Prints search latencies (p50/p99) over a few hundred public queries drawn from the indexed names:
 * the search itself in-process (one Elasticsearch round trip), over HTTP uncached (every query
 * distinct) and over HTTP cached (hot queries repeated). Asserts nothing about time.
 */
@IntegrationTest
class SearchLatencyBenchmark {

    @Autowired
    RestTestClient rest;

    @Autowired
    ListingSearch search;

    @LocalServerPort
    int port;

    @Test
    void printLatencies() throws Exception {
        Api api = new Api(rest);
        Await.until(Duration.ofSeconds(60), "the index follows the registry",
                () -> api.get("/api/v1/public/listings?size=1").path("total").asLong() > 100);
        long listings = api.get("/api/v1/public/listings?size=1&status=ALL").path("total").asLong();
        List<String> names = new ArrayList<>();
        api.get("/api/v1/public/listings?size=100").path("items")
                .forEach(i -> names.add(i.path("enterprise").path("name").asString()));
        Random random = new Random(42);
        String[] types = {"", "&type=GREEN_FACTORY", "&type=GREEN_PRODUCT", "&level=PROVINCIAL", "&region=640100", "&year=2022"};
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = names.get(random.nextInt(names.size()));
            int from = random.nextInt(Math.max(1, name.length() - 4));
            String q = name.substring(from, Math.min(name.length(), from + 2 + random.nextInt(3)));
            queries.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + types[i % types.length] + "&size=20");
        }

        List<Long> inProcess = new ArrayList<>();
        for (String query : queries.subList(0, 300)) {
            var params = org.springframework.web.util.UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams();
            ListingFilter filter = ListingFilter.parse(params.getFirst("type"), params.getFirst("level"),
                    params.getFirst("region"), null, params.getFirst("year"), null);
            SearchQuery parsed = SearchQuery.parse(java.net.URLDecoder.decode(params.getFirst("q"), StandardCharsets.UTF_8),
                    filter, null, null, "20", null);
            long start = System.nanoTime();
            search.search(parsed);
            inProcess.add(System.nanoTime() - start);
        }
        HttpClient http = HttpClient.newHttpClient();
        String salt = "&sort=relevance&page=0&_=" + System.nanoTime();
        List<Long> uncached = time(http, queries.stream().map(q -> q + salt + q.hashCode()).toList());
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            hot.add(queries.get(i % 20));
        }
        time(http, hot.subList(0, 20));
        List<Long> cached = time(http, hot);
        System.out.printf("search latency over %d listings, 300 queries each:%n", listings);
        System.out.printf("  in-process (Elasticsearch round trip) %s%n", summary(inProcess));
        System.out.printf("  HTTP, uncached                        %s%n", summary(uncached));
        System.out.printf("  HTTP, cached (20 hot queries)         %s%n", summary(cached));
    }

    private List<Long> time(HttpClient http, List<String> queries) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (String query : queries) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/public/listings?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            nanos.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new AssertionError(query + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return nanos;
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(sorted.size() * 90 / 100) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6,
                sorted.getLast() / 1e6);
    }
}
