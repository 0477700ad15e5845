package io.greenportal.publicity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Whatever a client sends, the answer is a 400 problem naming the parameter or a correct (possibly
 * empty) result: never a 500, never an Elasticsearch error passed through.
 */
@IntegrationTest
class BadInputTest {

    @Autowired
    RestTestClient rest;

    static final List<String> HOSTILE_Q = List.of(
            "*", "?", "\"", "\"unclosed", "title:foo", "enterpriseName:*", "a AND (b OR", "\\", "/regex.*/",
            "{!local}", "foo~2", "[* TO *]", "+-&&||!(){}[]^\"~*?:\\/", "<script>alert(1)</script>",
            "' OR 1=1 --", "'; DROP TABLE feed_entry; --", "🌱💚", "水泥🌱", "\u0000", "\u0007bell", "\t\n",
            "%", "%25", "_all", "*:*", "${jndi:ldap://x}", "{\"query\":{\"match_all\":{}}}", "\u202Eevil",
            "e\u0301", "　全角空格　", "null", "-1", "9".repeat(100), "水".repeat(100), "𠀀𠀁𠀂");

    @Test
    void hostileQueriesAreTextNeverSyntax() {
        for (String q : HOSTILE_Q) {
            var result = rest.get().uri("/api/v1/public/listings?q={q}", q).exchange()
                    .expectBody(String.class).returnResult();
            int status = result.getStatus().value();
            String body = result.getResponseBody();
            assertThat(status).as("q=%s", q).isIn(200, 400);
            assertNoLeak(q, body);
            if (status == 200) {
                JsonNode page = Api.parse(body);
                assertThat(page.path("items").isArray()).as("q=%s", q).isTrue();
            }
            var suggest = rest.get().uri("/api/v1/public/suggest?q={q}", q).exchange()
                    .expectBody(String.class).returnResult();
            assertThat(suggest.getStatus().value()).as("suggest q=%s", q).isIn(200, 400);
            assertNoLeak(q, suggest.getResponseBody());
        }
        assertThat(Api.parse(get200("/api/v1/public/listings?q={q}", "*")).path("total").asLong())
                .as("a star is a character, not a wildcard").isZero();
        assertThat(Api.parse(get200("/api/v1/public/listings?q={q}", "*:*")).path("total").asLong()).isZero();
    }

    @Test
    void tooLongTextIsRefusedNamingQ() {
        for (String q : List.of("水".repeat(101), "x".repeat(2_000))) {
            problem("/api/v1/public/listings?q={q}", "q", q);
        }
        // a request line beyond the server's 8 KB limit is refused by Tomcat itself, still a 400
        rest.get().uri("/api/v1/public/listings?q={q}", "x".repeat(10_000)).exchange().expectStatus().isBadRequest();
        problem("/api/v1/public/suggest?q={q}", "q", "水".repeat(51));
    }

    @Test
    void badFiltersAndPagingAreRefusedNamingTheParameter() {
        String[][] cases = {
                {"type=FOO", "type"}, {"type=1", "type"}, {"level=county", "level"}, {"status=DELETED", "status"},
                {"status=ACTIVE,FOO", "status"}, {"region=64", "region"}, {"region=abcdef", "region"},
                {"region=000000", "region"}, {"region=6401000", "region"}, {"industry=Z99", "industry"},
                {"industry=C3", "industry"}, {"year=1800", "year"}, {"year=abcd", "year"}, {"year=20245", "year"},
                {"year=-2024", "year"}, {"page=-1", "page"}, {"page=abc", "page"}, {"page=99999999999", "page"},
                {"page=101&size=100", "page"}, {"page=10000", "page"}, {"size=0", "size"}, {"size=-5", "size"},
                {"size=101", "size"}, {"size=1000000", "size"}, {"size=1.5", "size"}, {"sort=random", "sort"},
                {"sort=ID", "sort"}, {"cursor=garbage", "cursor"}, {"cursor=a.b", "cursor"},
                {"cursor=" + "A".repeat(2000), "cursor"}, {"cursor=eyJ2IjoxfQ.AAAA", "cursor"},
                {"cursor=x.y&page=2", "page"}};
        for (String[] c : cases) {
            var result = rest.get().uri("/api/v1/public/listings?" + c[0]).exchange()
                    .expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as(c[0]).isEqualTo(400);
            assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(c[0]).isTrue();
            JsonNode problem = Api.parse(result.getResponseBody());
            assertThat(problem.path("field").asString()).as(c[0]).isEqualTo(c[1]);
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertNoLeak(c[0], result.getResponseBody());
        }
    }

    @Test
    void validButUnknownValuesGiveCorrectEmptyResults() {
        for (String query : List.of("region=659999", "industry=T99", "year=1990", "type=GREEN_PARK&region=140221&year=2099",
                "q=不存在的企业名称甲乙丙丁", "foo=bar&q=")) {
            JsonNode page = Api.parse(get200("/api/v1/public/listings?" + query));
            if (!query.startsWith("foo")) {
                assertThat(page.path("total").asLong()).as(query).isZero();
            }
        }
        // lower case codes are the same codes (a C30 green factory of its own: the class may run first and alone)
        String mark = Registry.uniqueHan(5);
        Registry.factory("宁夏" + mark + "建材有限公司", "640106", 2024);
        Await.until(Duration.ofSeconds(30), "the factory in search",
                () -> Api.parse(get200("/api/v1/public/listings?q={q}", mark)).path("total").asLong() == 1);
        assertThat(Api.parse(get200("/api/v1/public/listings?q={q}&type=green_factory&status=active&industry=c30", mark))
                .path("total").asLong()).isEqualTo(1);
        // a list parameter is sent either way, as everywhere in the portal: status=A,B or status=A&status=B
        for (String path : List.of("/api/v1/public/listings?size=1&", "/api/v1/public/statistics?")) {
            assertThat(Api.parse(get200(path + "status=ACTIVE&status=REVOKED")).path("total").asLong()).as(path)
                    .isEqualTo(Api.parse(get200(path + "status=ACTIVE,REVOKED")).path("total").asLong());
        }
    }

    @Test
    void otherEndpointsRefuseBadInputToo() {
        String[][] cases = {
                {"/api/v1/public/listings/not-a-uuid", "id"}, {"/api/v1/public/suggest?size=0&q=a", "size"},
                {"/api/v1/public/statistics?region=xx", "region"}, {"/api/v1/public/statistics?status=GONE", "status"},
                {"/api/v1/public/notices?page=-1", "page"}, {"/api/v1/public/notices?size=500", "size"},
                {"/api/v1/public/targets?region=1", "region"}, {"/api/v1/public/targets?type=FACTORY", "type"},
                {"/api/v1/public/export.csv?type=x", "type"}, {"/api/v1/public/export.csv?bom=maybe", "bom"},
                {"/api/v1/public/export.json?year=3000", "year"}, {"/api/v1/public/targets/abc", "id"}};
        for (String[] c : cases) {
            var result = rest.get().uri(c[0]).exchange().expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as(c[0]).isEqualTo(400);
            assertThat(Api.parse(result.getResponseBody()).path("field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        rest.get().uri("/api/v1/public/listings/{id}", java.util.UUID.randomUUID()).exchange().expectStatus().isNotFound();
        rest.get().uri("/api/v1/public/notices/{id}", "no-such-notice").exchange().expectStatus().isNotFound();
        rest.get().uri("/api/v1/public/targets/{id}", 987654321).exchange().expectStatus().isNotFound();
        rest.get().uri("/api/v1/public/no-such-thing").exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherMethodOnAPublicReadIsA405NamingTheAllowedOnesNotALoginPrompt() {
        for (var method : List.of(HttpMethod.POST, HttpMethod.PUT,
                HttpMethod.PATCH, HttpMethod.DELETE)) {
            for (String path : List.of("/api/v1/public/listings", "/api/v1/public/notices", "/api/v1/public/feed.atom")) {
                var result = rest.method(method).uri(path).exchange().expectBody(String.class).returnResult();
                assertThat(result.getStatus().value()).as("%s %s", method, path).isEqualTo(405);
                assertThat(result.getResponseHeaders().getAllow()).as("%s %s", method, path)
                        .contains(HttpMethod.GET);
                assertThat(Api.parse(result.getResponseBody()).path("status").asInt()).isEqualTo(405);
            }
        }
        // the writes under the public prefix still need an administrator's token
        rest.post().uri("/api/v1/public/targets").contentType(MediaType.APPLICATION_JSON).body("{}").exchange()
                .expectStatus().isUnauthorized();
        rest.delete().uri("/api/v1/public/targets/{id}", 1).exchange().expectStatus().isUnauthorized();
        rest.post().uri("/api/v1/public/admin/reindex").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void escapesThatAreNotUtf8AreRefusedNamingTheParameter(@LocalServerPort int port) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String q : List.of("%E6%B0", "%C0%AF", "%FF", "abc%E6")) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/public/listings?size=5&q=" + q)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(q).isEqualTo(400);
            assertThat(Api.parse(response.body()).path("field").asString()).as(q).isEqualTo("q");
        }
    }

    @Test
    void aDeepPageWithoutCursorSaysToUseTheCursor() {
        var result = rest.get().uri("/api/v1/public/listings?page=500&size=20").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult();
        assertThat(Api.parse(result.getResponseBody()).path("detail").asString()).contains("cursor");
    }

    private String get200(String uri, Object... variables) {
        return rest.get().uri(uri, variables).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    private void problem(String uri, String field, Object... variables) {
        var result = rest.get().uri(uri, variables).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult();
        assertThat(Api.parse(result.getResponseBody()).path("field").asString()).isEqualTo(field);
    }

    private static void assertNoLeak(String what, String body) {
        List<String> leaks = new ArrayList<>();
        for (String word : List.of("elasticsearch", "Exception", "exception", "at io.", "at co.", "lucene", "parse_exception",
                "search_phase", "SQL", "Caused by")) {
            if (body != null && body.contains(word) && !body.contains("\"q\"")) {
                leaks.add(word);
            }
        }
        assertThat(leaks).as("internal details in the answer to %s: %s", what, body).isEmpty();
    }
}
