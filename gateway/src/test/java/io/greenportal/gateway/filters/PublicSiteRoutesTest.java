package io.greenportal.gateway.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The public site behind the gateway (the running portal's public-site): its pages are routed to it
 * without a session or the gateway's headers (the site sends its own), the gateway's own page lives
 * at /account, and the site's form post passes the gateway without its CSRF token even from a
 * logged-in browser (the site checks its own), while being counted in the objection bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.namespace=test-${random.uuid}",
        "greenportal.rate-limits.objections.replenish-rate=1", "greenportal.rate-limits.objections.burst-capacity=60",
        "greenportal.rate-limits.objections.requested-tokens=60"})
@AutoConfigureWebTestClient
class PublicSiteRoutesTest {

    @Autowired
    WebTestClient web;

    @Test
    void theSitesPagesAreRoutedToItAndSkipTheSecurityChain() {
        var home = web.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                // the site's own policy (the gateway's says default-src 'self')
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).startsWith("default-src 'none'"))
                .expectHeader().value("Cache-Control", cc -> assertThat(cc).startsWith("public, max-age="))
                .expectHeader().doesNotExist("Set-Cookie")
                .returnResult(byte[].class);
        assertThat(new String(home.getResponseBodyContent(), StandardCharsets.UTF_8)).contains("绿色制造公共服务平台")
                .contains("lang=\"zh-CN\"");
        web.get().uri("/robots.txt").exchange().expectStatus().isOk();
        // a mistyped page under one of the site's sections is the site's Chinese 404 page
        for (String mistyped : new String[] {"/search/x", "/open-data/x"}) {
            var notFound = web.get().uri(mistyped).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML).returnResult(byte[].class);
            assertThat(new String(notFound.getResponseBodyContent(), StandardCharsets.UTF_8)).as(mistyped)
                    .contains("lang=\"zh-CN\"");
        }
        web.get().uri("/account").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("id=\"status\""));
    }

    @Test
    void theObjectionFormPostReachesTheSiteAndCountsAsAnObjection() {
        // a browser session cookie and no gateway CSRF token: the site answers (its own 404 page for
        // an unknown notice), not the gateway's 403
        web.post().uri("/publicity/0000/objection").cookie("SESSION", "not-a-session")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("name=x")
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        // the second objection of this address within two minutes, spelled another way: a page, in Chinese
        var limited = web.post().uri("/publicity//0000/objection/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("name=x").exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .returnResult(byte[].class);
        assertThat(new String(limited.getResponseBodyContent(), StandardCharsets.UTF_8)).contains("请求过于频繁");
    }
}
