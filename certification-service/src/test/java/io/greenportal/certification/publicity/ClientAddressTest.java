package io.greenportal.certification.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The client an objection comes from, for its per-client limit: the address the gateway stamps,
 * else the connection's; never X-Forwarded-For, which a client writes itself.
 */
@Tag("unit")
class ClientAddressTest {

    static MockHttpServletRequest from(String remote) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/certification/applications/x/objections");
        request.setRemoteAddr(remote);
        return request;
    }

    @Test
    void theGatewaysStampIsTheClient() {
        var request = from("10.42.0.7");
        request.addHeader("X-Client-Address", "203.0.113.45");
        assertThat(ClientAddress.of(request)).isEqualTo("203.0.113.45");
        var v6 = from("10.42.0.7");
        v6.addHeader("X-Client-Address", "2001:db8::1f");
        assertThat(ClientAddress.of(v6)).isEqualTo("2001:db8::1f");
    }

    @Test
    void withoutAStampTheConnectionIsTheClientAndForwardedForIsIgnored() {
        var request = from("203.0.113.9");
        request.addHeader("X-Forwarded-For", "198.51.100.1");
        assertThat(ClientAddress.of(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void aStampThatIsNoAddressIsIgnored() {
        for (String stamp : new String[] {"203.0.113.1, 198.51.100.1", "", " ", "1".repeat(65), "<script>", "客户端"}) {
            var request = from("203.0.113.9");
            request.addHeader("X-Client-Address", stamp);
            assertThat(ClientAddress.of(request)).as(stamp).isEqualTo("203.0.113.9");
        }
    }
}
