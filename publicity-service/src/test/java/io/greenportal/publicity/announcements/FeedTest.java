package io.greenportal.publicity.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.xml.parsers.DocumentBuilderFactory;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;

/** The announcements feed as Atom and JSON Feed 1.1, with validators that make revalidation cheap. */
@IntegrationTest
class FeedTest {

    @Autowired
    RestTestClient rest;

    @Value("${greenportal.public-base-url}")
    String publicBaseUrl;

    @BeforeEach
    void caughtUp() {
        Api api = new Api(rest);
        Await.until(Duration.ofSeconds(60), "the feed has entries",
                () -> api.get("/api/v1/public/feed.json").path("items").size() > 0);
    }

    @Test
    void atomIsAValidAtomFeed() throws Exception {
        var result = rest.get().uri("/api/v1/public/feed.atom").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .expectBody(byte[].class).returnResult();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(result.getResponseBody()));
        Element feed = atom.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        var entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isBetween(1, 50);
        Element first = (Element) entries.item(0);
        for (String required : new String[] {"id", "title", "updated", "summary", "link"}) {
            assertThat(first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required).getLength())
                    .as("entry has %s", required).isPositive();
        }
        assertThat(result.getResponseHeaders().getETag()).isNotBlank();
        assertThat(result.getResponseHeaders().getLastModified()).isPositive();
        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).contains("xml:lang=\"zh-CN\"");
    }

    @Test
    void jsonFeedFollowsVersion11() {
        var result = rest.get().uri("/api/v1/public/feed.json").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/feed+json"))
                .expectBody(String.class).returnResult();
        JsonNode feed = Api.parse(result.getResponseBody());
        assertThat(feed.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asString()).isNotBlank();
        assertThat(feed.path("feed_url").asString()).endsWith("/api/v1/public/feed.json");
        JsonNode item = feed.path("items").get(0);
        assertThat(item.path("id").asString()).startsWith("urn:greenportal:announcement:");
        assertThat(item.path("content_text").asString()).isNotBlank();
        assertThat(item.path("date_published").asString()).contains("+08:00");
        assertThat(item.path("url").asString()).as("a page people can read").doesNotContain("/api/");
        assertThat(item.path("_greenportal").path("api").asString()).contains("/api/v1/public/");
        assertThat(feed.path("home_page_url").asString()).doesNotContain("/api/");
    }

    @Test
    void linksNameThePortalsOriginWhateverHeadersACallerSends() {
        var result = rest.get().uri("/api/v1/public/feed.json").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header(HttpHeaders.HOST, "evil.example").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        JsonNode feed = Api.parse(result.getResponseBody());
        assertThat(result.getResponseBody()).doesNotContain("evil.example");
        assertThat(feed.path("feed_url").asString()).isEqualTo(publicBaseUrl + "/api/v1/public/feed.json");
        assertThat(feed.path("items").findValuesAsString("url")).allMatch(u -> u.startsWith(publicBaseUrl + "/"));
        var atom = rest.get().uri("/api/v1/public/feed.atom").header("X-Forwarded-Host", "evil.example").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(atom.getResponseBody()).doesNotContain("evil.example").contains(publicBaseUrl + "/");
    }

    @Test
    void revalidationAnswers304UntilANewEntryArrives() {
        var first = rest.get().uri("/api/v1/public/feed.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        String etag = first.getResponseHeaders().getETag();
        long lastModified = first.getResponseHeaders().getLastModified();

        rest.get().uri("/api/v1/public/feed.json").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified().expectBody().isEmpty();
        rest.get().uri("/api/v1/public/feed.json").headers(h -> h.setIfModifiedSince(lastModified)).exchange()
                .expectStatus().isNotModified();
        var atom = rest.get().uri("/api/v1/public/feed.atom").exchange().expectBody(String.class).returnResult();
        rest.get().uri("/api/v1/public/feed.atom").header(HttpHeaders.IF_NONE_MATCH, atom.getResponseHeaders().getETag())
                .exchange().expectStatus().isNotModified();

        Listing listing = Registry.factory("宁夏" + Registry.uniqueHan(5) + "纸业有限公司", "640521", 2025);
        Await.until(Duration.ofSeconds(30), "a new entry changes the feed", () -> rest.get().uri("/api/v1/public/feed.json")
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange().returnResult().getStatus().value() == 200);
        JsonNode feed = new Api(rest).get("/api/v1/public/feed.json");
        assertThat(feed.path("items").findValuesAsString("url")).anyMatch(u -> u.endsWith(listing.getId()));
    }
}
