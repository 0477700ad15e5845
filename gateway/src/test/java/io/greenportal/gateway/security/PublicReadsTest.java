package io.greenportal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * Which requests skip the gateway's security chain: reads (GET, HEAD) of the public showcase, its
 * admin paths excepted, and of the public site's pages. Everything else meets login, session, CSRF
 * and token relay.
 */
@Tag("unit")
class PublicReadsTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "GET,    /api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5, true",
            "HEAD,   /api/v1/public/feed.atom,                    true",
            "GET,    /api/v1/public/export.csv,                   true",
            "GET,    /api/v1/public/notices/a9911ca7-1,           true",
            "POST,   /api/v1/public/targets,                      false",
            "DELETE, /api/v1/public/targets/3,                    false",
            "GET,    /api/v1/public/admin/reindex,                false",
            "GET,    /api/v1/public/admin,                        false",
            "GET,    /api/v1/registry/listings,                   false",
            "GET,    /api/v1/publicity,                           false",
            "GET,    /,                                           true",
            "GET,    /search?q=%E6%B0%B4%E6%B3%A5,                true",
            "GET,    /listings/3d1286bc-6694-452f-85ba-3aae2aa9544c, true",
            "GET,    /publicity/a9911ca7-1/objection,             true",
            "HEAD,   /assets/site.css,                            true",
            "GET,    /sitemaps/listings-2024.xml,                 true",
            "POST,   /publicity/a9911ca7-1/objection,             false",
            "GET,    /account,                                    false",
            "GET,    /oauth2/authorization/keycloak,              false",
            "OPTIONS, /api/v1/public/listings,                    false"})
    void onlyReadsOfTheShowcaseAreLetThrough(HttpMethod method, String target, boolean skips) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, URI.create(target)));
        assertThat(new PublicReads().matches(exchange).block().isMatch()).isEqualTo(skips);
    }
}
