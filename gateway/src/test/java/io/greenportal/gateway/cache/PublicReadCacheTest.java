package io.greenportal.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's micro-cache in front of the running publicity service: a repeated anonymous search
 * is answered from memory (it carries an Age), a caller with a token or a cookie always reaches the
 * service, and what the gateway adds per request (CORS for the caller's own origin) is never served
 * to someone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.enabled=false", "greenportal.gateway.public-read-cache.max-age-cap=30s",
        // every first answer is kept here; keeping only what was asked twice is PublicReadCrowdTest's
        "greenportal.gateway.public-read-cache.min-uses=1",
        "GP_CORS_ORIGINS=https://a.example.gov.cn,https://b.example.gov.cn"})
@AutoConfigureWebTestClient
class PublicReadCacheTest {

    @Autowired
    WebTestClient web;

    @Autowired
    PublicReadCache cache;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    String search;

    @BeforeEach
    void aQueryOfItsOwn() {
        cache.clear();
        // the publicity service marks its searches public for 1 s; the test's cap lets the gateway keep them
        search = "/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5&size=3&t=" + UUID.randomUUID();
    }

    HttpHeaders get(String path, String header, String value) {
        var request = web.get().uri(path);
        if (header != null) {
            request = request.header(header, value);
        }
        return request.exchange().expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();
    }

    @Test
    void aRepeatedAnonymousSearchIsAnsweredFromMemory() {
        assertThat(get(search, null, null).containsHeader("Age")).isFalse();
        HttpHeaders second = get(search, null, null);
        assertThat(second.getFirst("Age")).isNotNull();
        assertThat(second.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("public, max-age=1");
        assertThat(second.getETag()).isNotNull();

        web.get().uri(search).header(HttpHeaders.IF_NONE_MATCH, second.getETag()).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void aConditionalRequestByDateIsAnsweredFromMemoryAsTheServiceWould() {
        String feed = "/api/v1/public/feed.atom?t=" + UUID.randomUUID();
        get(feed, null, null);
        HttpHeaders second = get(feed, null, null);
        assertThat(second.getFirst("Age")).as("kept in memory").isNotNull();
        long lastModified = second.getLastModified();
        assertThat(lastModified).as("the feed names its last change").isPositive();

        web.get().uri(feed).header(HttpHeaders.IF_MODIFIED_SINCE, httpDate(lastModified)).exchange()
                .expectStatus().isNotModified().expectHeader().exists("Age");
        web.get().uri(feed).header(HttpHeaders.IF_MODIFIED_SINCE, httpDate(lastModified - 3_600_000)).exchange()
                .expectStatus().isOk().expectHeader().exists("Age");
        // If-None-Match decides when both are sent: another tag means the whole answer
        web.get().uri(feed).header(HttpHeaders.IF_NONE_MATCH, "\"another\"")
                .header(HttpHeaders.IF_MODIFIED_SINCE, httpDate(lastModified)).exchange().expectStatus().isOk();
        web.get().uri(feed).header(HttpHeaders.IF_NONE_MATCH, "W/" + second.getETag()).exchange()
                .expectStatus().isNotModified();
    }

    static String httpDate(long millis) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC));
    }

    @Test
    void callersWithCredentialsAlwaysReachTheService() {
        get(search, null, null);
        assertThat(get(search, HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.user("ent-a")).containsHeader("Age")).isFalse();
        assertThat(get(search, HttpHeaders.COOKIE, "SESSION=abc").containsHeader("Age")).isFalse();
        assertThat(get(search, HttpHeaders.CACHE_CONTROL, "no-store").containsHeader("Age")).isFalse();
    }

    @Test
    void corsHeadersAreTheCallersOwnNotTheFirstCallers() {
        get(search, HttpHeaders.ORIGIN, "https://a.example.gov.cn");
        HttpHeaders second = get(search, HttpHeaders.ORIGIN, "https://b.example.gov.cn");
        assertThat(second.getFirst("Age")).isNotNull();
        assertThat(second.getAccessControlAllowOrigin()).isEqualTo("https://b.example.gov.cn");
    }

    @Test
    void anAnswerInAFormatOneCallerAskedForIsNeverServedToOthers() {
        // the service labels its JSON with whichever JSON type the caller accepts
        var odd = web.get().uri(search).header(HttpHeaders.ACCEPT, "application/problem+json").exchange()
                .returnResult(byte[].class).getResponseHeaders();
        assertThat(odd.containsHeader("Age")).isFalse();
        HttpHeaders plain = get(search, HttpHeaders.ACCEPT, "application/json");
        assertThat(plain.containsHeader("Age")).as("kept apart from the other caller's answer").isFalse();
        assertThat(plain.getContentType()).hasToString("application/json;charset=UTF-8");
        assertThat(get(search, HttpHeaders.ACCEPT, "application/json").getFirst("Age")).isNotNull();
    }

    /** The JDK's client: it leaves compressed answers as they are (WebTestClient's would inflate them). */
    java.net.http.HttpHeaders raw(String path, String acceptEncoding) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding).build();
        try (var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.headers();
        }
    }

    @Test
    void theSitesPagesAreKeptOncePerContentCoding() throws Exception {
        String page = "/search?q=%E6%B0%B4%E6%B3%A5&t=" + UUID.randomUUID();
        var gzip = raw(page, "gzip");
        assertThat(gzip.allValues(HttpHeaders.VARY)).anySatisfy(name -> assertThat(name).isEqualToIgnoringCase("accept-encoding"));
        assertThat(gzip.firstValue(HttpHeaders.CONTENT_ENCODING)).contains("gzip");
        var again = raw(page, "gzip, deflate, br");
        assertThat(again.firstValue("Age")).isPresent();
        assertThat(again.firstValue(HttpHeaders.CONTENT_ENCODING)).contains("gzip");

        var plain = raw(page, "identity");
        assertThat(plain.firstValue("Age")).as("a caller without gzip never gets the compressed copy").isEmpty();
        assertThat(plain.firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
        assertThat(raw(page, "gzip;q=0").firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
    }

    @Test
    void answersTheServiceForbidsToKeepAreNotKept() {
        // an unknown public path: the service's 404 says "no-cache, no-store"
        for (int i = 0; i < 2; i++) {
            assertThat(web.get().uri("/api/v1/public/no-such-read").exchange().expectStatus().isNotFound()
                    .returnResult(byte[].class).getResponseHeaders().containsHeader("Age")).isFalse();
        }
    }
}
