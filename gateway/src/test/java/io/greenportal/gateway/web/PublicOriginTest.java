package io.greenportal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The public origin is configuration: a request's Host or forwarding headers never replace it. */
@Tag("unit")
class PublicOriginTest {

    @Test
    void servicesAreToldTheConfiguredOriginWhateverTheClientSent() {
        PublicOrigin origin = new PublicOrigin("https://portal.example.gov.cn");
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, URI.create("http://evil.example.com/api/v1/public/listings"))
                .header("Host", "evil.example.com").build());
        HttpHeaders in = new HttpHeaders();
        in.set("Forwarded", "host=evil.example.com;proto=http");
        in.set("X-Forwarded-Host", "evil.example.com");
        in.set("X-Forwarded-Proto", "http");
        in.set("X-Forwarded-Port", "8080");
        in.set("X-Forwarded-Prefix", "/evil");
        in.set("X-Forwarded-For", "203.0.113.9");
        HttpHeaders out = origin.filter(in, exchange);
        assertThat(out.get("X-Forwarded-Host")).containsExactly("portal.example.gov.cn");
        assertThat(out.get("X-Forwarded-Proto")).containsExactly("https");
        assertThat(out.get("X-Forwarded-Port")).containsExactly("443");
        assertThat(out.containsHeader("Forwarded")).isFalse();
        assertThat(out.containsHeader("X-Forwarded-Prefix")).isFalse();
        assertThat(out.get("X-Forwarded-For")).containsExactly("203.0.113.9");
    }

    @Test
    void urlsNameTheOrigin() {
        assertThat(new PublicOrigin("http://127.0.0.1:8080").url("/")).isEqualTo("http://127.0.0.1:8080/");
        assertThat(new PublicOrigin("https://Portal.Example.gov.cn:443/").origin()).isEqualTo("https://portal.example.gov.cn");
        assertThat(new PublicOrigin("http://127.0.0.1:8080").filter(new HttpHeaders(),
                MockServerWebExchange.from(MockServerHttpRequest.get("/").build())).getFirst("X-Forwarded-Port")).isEqualTo("8080");
    }

    @Test
    void anythingButAnOriginStopsTheStart() {
        for (String bad : new String[] {"portal.example.gov.cn", "ftp://portal.example.gov.cn", "https://portal.example.gov.cn/app",
                "https://portal.example.gov.cn?x=1", "https://user@portal.example.gov.cn", "", "http://"}) {
            assertThatThrownBy(() -> new PublicOrigin(bad)).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GP_PUBLIC_BASE_URL");
        }
    }
}
