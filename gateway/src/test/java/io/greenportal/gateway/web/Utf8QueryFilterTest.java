package io.greenportal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Percent-escapes in the path and query must spell UTF-8 text: %E6%B0%B4 is 水, %E6%B0 or %FF is
 * nothing. Such a request is refused at the gateway with a problem detail naming the parameter.
 */
@Tag("unit")
class Utf8QueryFilterTest {

    final Utf8QueryFilter filter = new Utf8QueryFilter();
    final AtomicBoolean passed = new AtomicBoolean();

    MockServerWebExchange run(String target) {
        // a URI as given: the builder behind get(String) would encode the % signs again
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create(target)));
        filter.filter(exchange, e -> {
            passed.set(true);
            return Mono.empty();
        }).block();
        return exchange;
    }

    static JsonNode problem(MockServerWebExchange exchange) {
        return JsonMapper.builder().build().readTree(exchange.getResponse().getBodyAsString().block());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%E6%B0%B4%E6%B3%A5", "%e6%b0%b4", "plain", "", "GF-640000-2025-0007", "%F0%A0%80%80", "50%25"})
    void escapesOfUtf8TextDecode(String raw) {
        assertThat(Utf8QueryFilter.decodes(raw)).isTrue();
        assertThat(Utf8QueryFilter.decodes(null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%E6%B0", "%FF", "%C0%AF", "%ED%A0%80", "%E6%B0%B4%E6", "%B0%B4", "%zz", "%D6%D0%CE%C4", "%", "%4", "50%"})
    void escapesThatSpellNoUtf8DoNot(String raw) {
        // truncated, invalid bytes, an overlong "/", a lone surrogate, a continuation byte first, GBK's 中文,
        // and a % that escapes nothing
        assertThat(Utf8QueryFilter.decodes(raw)).as(raw).isFalse();
    }

    @Test
    void aGoodRequestPassesUntouched() {
        var exchange = run("/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5&region=640100");
        assertThat(passed).isTrue();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void aBadValueIsA400NamingItsParameter() {
        var exchange = run("/api/v1/public/listings?region=640100&q=%D6%D0%CE%C4");
        assertThat(passed).as("the service is never called").isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = problem(exchange);
        assertThat(problem.get("type").asString()).isEqualTo("https://greenportal.io/problems/invalid-encoding");
        assertThat(problem.get("field").asString()).isEqualTo("q");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isEqualTo("q: is not UTF-8 text (its percent-escapes must spell UTF-8)");
    }

    @Test
    void aBadPathOrParameterNameIsNamedAsSuch() {
        assertThat(problem(run("/api/v1/public/listings/%FF")).get("field").asString()).isEqualTo("path");
        assertThat(problem(run("/api/v1/public/listings?%FF=1")).get("field").asString()).isEqualTo("query");
    }

    @Test
    void aParameterNameWithQuotesStillGivesValidJson() {
        // the name is decoded into the problem: a quote, a backslash or a control character in it must not break the JSON
        JsonNode problem = problem(run("/api/v1/public/listings?a%22b%5Cc%0A=%FF"));
        assertThat(problem.get("field").asString()).isEqualTo("a\"b\\c\n");
    }
}
