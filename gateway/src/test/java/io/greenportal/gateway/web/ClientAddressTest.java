package io.greenportal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * The client address the per-client limits key on: the TCP peer, or behind a known number of proxies
 * the entry the nearest trusted proxy wrote; never an entry a client wrote itself.
 */
@Tag("unit")
class ClientAddressTest {

    static MockServerWebExchange from(String peer, String... forwardedFor) {
        var request = MockServerHttpRequest.get("/api/v1/public/listings")
                .remoteAddress(new InetSocketAddress(peer, 41234));
        if (forwardedFor.length > 0) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItClaims() {
        var direct = new ClientAddress(0, "", true);
        assertThat(direct.of(from("203.0.113.45"))).isEqualTo("203.0.113.45");
        assertThat(direct.of(from("203.0.113.45", "198.51.100.7"))).isEqualTo("203.0.113.45");
        assertThat(direct.of(from("2001:db8::45"))).isEqualTo("2001:db8:0:0:0:0:0:45");
    }

    @Test
    void behindTheIngressTheEntryItWroteIsTheClient() {
        var behindIngress = new ClientAddress(1, "", true);
        assertThat(behindIngress.of(from("10.42.0.7", "203.0.113.45"))).isEqualTo("203.0.113.45");
        // a client that writes its own entries: the ingress appends the address it saw, which is the one used
        assertThat(behindIngress.of(from("10.42.0.7", "127.0.0.1, 198.51.100.7, 203.0.113.45"))).isEqualTo("203.0.113.45");
    }

    @Test
    void withTwoTrustedHopsTheSecondToLastEntryIsTheClient() {
        var twoHops = new ClientAddress(2, "", true);
        assertThat(twoHops.of(from("10.42.0.7", "198.51.100.7, 203.0.113.45, 10.0.0.2"))).isEqualTo("203.0.113.45");
    }

    @Test
    void anExchangeWithoutAPeerIsUnknown() {
        assertThat(new ClientAddress(0, "", true).of(MockServerWebExchange.from(MockServerHttpRequest.get("/")))).isEqualTo("unknown");
    }
}
