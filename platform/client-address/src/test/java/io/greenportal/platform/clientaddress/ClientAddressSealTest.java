package io.greenportal.platform.clientaddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ClientAddressSealTest {

    final ClientAddressSeal gateway = ClientAddressSeal.of("k".repeat(40), false);

    @Test
    void aServiceWithTheSameKeyAcceptsTheGatewaysSealOfThatAddressOnly() {
        ClientAddressSeal service = ClientAddressSeal.of("k".repeat(40), false);
        String seal = gateway.seal("203.0.113.77");
        assertThat(service.verifies("203.0.113.77", seal)).isTrue();
        assertThat(service.verifies("203.0.113.78", seal)).isFalse();
        assertThat(service.verifies("203.0.113.77", seal.substring(1))).isFalse();
        assertThat(service.verifies("203.0.113.77", null)).isFalse();
        assertThat(service.verifies(null, seal)).isFalse();
    }

    @Test
    void anotherKeyMakesAnotherSeal() {
        assertThat(ClientAddressSeal.of("x".repeat(40), false).verifies("203.0.113.77", gateway.seal("203.0.113.77")))
                .isFalse();
    }

    @Test
    void withoutAKeyOnlyTheLocalPortalStarts() {
        assertThatThrownBy(() -> ClientAddressSeal.of(" ", false)).hasMessageContaining("GP_CLIENT_ADDRESS_KEY");
        ClientAddressSeal local = ClientAddressSeal.of("", true);
        assertThat(ClientAddressSeal.of(null, true).verifies("127.0.0.1", local.seal("127.0.0.1"))).isTrue();
    }
}
