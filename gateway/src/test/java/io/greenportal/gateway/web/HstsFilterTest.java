package io.greenportal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

@Tag("unit")
class HstsFilterTest {

    static String hsts(int trustedHops, String forwardedProto) {
        var request = MockServerHttpRequest.get("http://portal.example/");
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        var exchange = MockServerWebExchange.from(request);
        new HstsFilter(trustedHops).filter(exchange, e -> Mono.empty()).block();
        return exchange.getResponse().getHeaders().getFirst("Strict-Transport-Security");
    }

    @Test
    void sentBehindATrustedTlsProxyOnly() {
        assertThat(hsts(1, "https")).isEqualTo(HstsFilter.HSTS);
        assertThat(hsts(1, "http")).isNull();
        assertThat(hsts(0, "https")).as("a client's own X-Forwarded-Proto is not trusted").isNull();
        assertThat(hsts(0, null)).isNull();
    }
}
