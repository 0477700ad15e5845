package io.greenportal.publicity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.platform.test.Tokens;
import io.greenportal.publicity.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Public answers may be kept by browsers and the gateway for a second and carry an ETag (a repeat
 * visit is a 304); the feeds keep their own "revalidate every time"; nothing else is public.
 */
@IntegrationTest
class PublicCacheHeadersTest {

    @Autowired
    RestTestClient rest;

    HttpHeaders headers(String uri) {
        return rest.get().uri(uri).exchange().expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();
    }

    @Test
    void publicReadsMayBeKeptForASecondAndRevalidatedByETag() {
        for (String uri : new String[] {"/api/v1/public/listings?q=水泥", "/api/v1/public/statistics",
                "/api/v1/public/notices", "/api/v1/public/targets", "/api/v1/public/suggest?q=宁夏"}) {
            HttpHeaders headers = headers(uri);
            assertThat(headers.getCacheControl()).as(uri).isEqualTo("public, max-age=1");
            assertThat(headers.getETag()).as(uri).isNotBlank();
            rest.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, headers.getETag()).exchange()
                    .expectStatus().isNotModified();
        }
    }

    @Test
    void theFeedsMayBeKeptForASecondTooAndAdminReadsAreNeverPublic() {
        for (String feed : new String[] {"/api/v1/public/feed.json", "/api/v1/public/feed.atom"}) {
            HttpHeaders headers = headers(feed);
            assertThat(headers.getCacheControl()).as(feed).isEqualTo("max-age=1, public");
            rest.get().uri(feed).header(HttpHeaders.IF_NONE_MATCH, headers.getETag()).exchange()
                    .expectStatus().isNotModified();
        }
        HttpHeaders admin = rest.get().uri("/api/v1/public/admin/reindex")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.user("admin")).exchange()
                .returnResult(byte[].class).getResponseHeaders();
        assertThat(admin.getCacheControl()).doesNotContain("public");
        // under a public path, but the administrators' record of who changed which target
        HttpHeaders changes = rest.get().uri("/api/v1/public/targets/changes?target=1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.user("admin")).exchange()
                .expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();
        assertThat(changes.getCacheControl()).as("target changes").doesNotContain("public").contains("no-store");
        HttpHeaders withToken = rest.get().uri("/api/v1/public/targets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.user("admin")).exchange()
                .expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();
        assertThat(withToken.getCacheControl()).as("a public read asked with a token").doesNotContain("public");
    }
}
