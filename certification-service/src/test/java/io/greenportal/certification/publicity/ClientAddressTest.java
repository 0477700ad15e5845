package io.greenportal.certification.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The client an objection comes from, for its per-client limit: the address the gateway stamps and
 * seals, else the connection's; never X-Forwarded-For, which a client writes itself.
 */
@Tag("unit")
class ClientAddressTest {

    final ClientAddress clientAddress = new ClientAddress("test-only-client-address-key-0123456789", false);
    final io.greenportal.platform.clientaddress.ClientAddressSeal gateway =
            io.greenportal.platform.clientaddress.ClientAddressSeal.of("test-only-client-address-key-0123456789", false);

    static MockHttpServletRequest from(String remote) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/certification/applications/x/objections");
        request.setRemoteAddr(remote);
        return request;
    }

    @Test
    void theGatewaysStampIsTheClient() {
        var request = from("10.42.0.7");
        request.addHeader("X-Client-Address", "203.0.113.45");
        request.addHeader("X-Client-Address-Seal", gateway.seal("203.0.113.45"));
        assertThat(clientAddress.of(request)).isEqualTo("203.0.113.45");
        var v6 = from("10.42.0.7");
        v6.addHeader("X-Client-Address", "2001:db8::1f");
        v6.addHeader("X-Client-Address-Seal", gateway.seal("2001:db8::1f"));
        assertThat(clientAddress.of(v6)).isEqualTo("2001:db8::1f");
    }

    @Test
    void aStampWithoutTheGatewaysSealIsIgnored() {
        var unsealed = from("10.42.0.7");
        unsealed.addHeader("X-Client-Address", "203.0.113.45");
        assertThat(clientAddress.of(unsealed)).isEqualTo("10.42.0.7");
        var forged = from("10.42.0.7");
        forged.addHeader("X-Client-Address", "203.0.113.46");
        forged.addHeader("X-Client-Address-Seal", gateway.seal("203.0.113.45"));
        assertThat(clientAddress.of(forged)).isEqualTo("10.42.0.7");
        var otherKey = from("10.42.0.7");
        otherKey.addHeader("X-Client-Address", "203.0.113.45");
        otherKey.addHeader("X-Client-Address-Seal",
                io.greenportal.platform.clientaddress.ClientAddressSeal.of("another-key-0123456789-0123456789", false).seal("203.0.113.45"));
        assertThat(clientAddress.of(otherKey)).isEqualTo("10.42.0.7");
    }

    @Test
    void withoutAStampTheConnectionIsTheClientAndForwardedForIsIgnored() {
        var request = from("203.0.113.9");
        request.addHeader("X-Forwarded-For", "198.51.100.1");
        assertThat(clientAddress.of(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void aStampThatIsNoAddressIsIgnored() {
        for (String stamp : new String[] {"203.0.113.1, 198.51.100.1", "", " ", "1".repeat(65), "<script>", "客户端"}) {
            var request = from("203.0.113.9");
            request.addHeader("X-Client-Address", stamp);
            request.addHeader("X-Client-Address-Seal", gateway.seal(stamp));
            assertThat(clientAddress.of(request)).as(stamp).isEqualTo("203.0.113.9");
        }
    }
}
