package io.greenportal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a service could not take (Tomcat's 8 KB head) is refused first, naming what was too long. */
@Tag("unit")
class RequestHeadBudgetTest {

    final RequestHeadBudget budget = new RequestHeadBudget(DataSize.ofKilobytes(2), DataSize.ofKilobytes(5));

    record Outcome(boolean passed, HttpStatus status, JsonNode problem) {
    }

    Outcome filter(MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        boolean[] passed = {false};
        budget.filter(exchange, e -> {
            passed[0] = true;
            return Mono.empty();
        }).block();
        if (passed[0]) {
            return new Outcome(true, null, null);
        }
        String body = exchange.getResponse().getBodyAsString().block();
        return new Outcome(passed[0], (HttpStatus) exchange.getResponse().getStatusCode(),
                body == null || body.isEmpty() ? null : JsonMapper.builder().build().readTree(body));
    }

    @Test
    void aLongQueryIs414NamingItsLongestParameter() {
        Outcome outcome = filter(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, URI.create(
                "http://gw/api/v1/public/listings?size=5&q=" + "x".repeat(2100) + "&type=GREEN_FACTORY")).build());
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.status()).isEqualTo(HttpStatus.URI_TOO_LONG);
        assertThat(outcome.problem().get("type").asString()).isEqualTo("https://greenportal.io/problems/uri-too-long");
        assertThat(outcome.problem().get("field").asString()).isEqualTo("q");
    }

    @Test
    void aLongPathIs414NamingThePath() {
        Outcome outcome = filter(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, URI.create("http://gw/api/v1/registry/listings/" + "a".repeat(2100))).build());
        assertThat(outcome.status()).isEqualTo(HttpStatus.URI_TOO_LONG);
        assertThat(outcome.problem().get("field").asString()).isEqualTo("path");
    }

    @Test
    void headersOverTheBudgetAre431() {
        Outcome outcome = filter(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, URI.create("http://gw/api/v1/public/listings"))
                .header("X-Padding", "p".repeat(3000)).header("Cookie", "c=" + "v".repeat(2100)).build());
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.status()).isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        assertThat(outcome.problem().get("field").asString()).isEqualTo("headers");
    }

    @Test
    void anOrdinaryRequestWithABearerTokenPasses() {
        assertThat(filter(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, URI.create("http://gw/api/v1/public/listings?q=%E6%B0%B4&size=20"))
                .header("Authorization", "Bearer " + "t".repeat(1800)).header("User-Agent", "u".repeat(200)).build())
                .passed()).isTrue();
    }

    @Test
    void theLongestParameterIsNamedDecodedAndShort() {
        assertThat(RequestHeadBudget.longestParameter("a=1&%E6%B0%B4=" + "x".repeat(50))).isEqualTo("水");
        assertThat(RequestHeadBudget.longestParameter("=" + "x".repeat(50))).isEqualTo("query");
        assertThat(RequestHeadBudget.longestParameter("n".repeat(500))).hasSize(64);
    }
}
