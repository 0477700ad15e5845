package io.greenportal.incentive.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.incentive.support.Api;
import io.greenportal.incentive.support.IntegrationTest;
import io.greenportal.incentive.support.Registry;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * DNS rebinding: a bank's host name resolves to a public address when it subscribes and to a
 * loopback address when the delivery connects (the resolver is stubbed). The delivery is refused
 * where it connects and nothing is sent; the delivery log says why.
 */
@IntegrationTest
@Import(DnsRebindingTest.Rebinding.class)
class DnsRebindingTest {

    static final String HOST = "hooks.rebind.example";
    static final AtomicInteger LOOKUPS = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class Rebinding {
        @Bean
        @Primary
        HostResolver rebindingResolver() {
            return host -> {
                if (!host.equals(HOST)) {
                    return HostResolver.SYSTEM.resolve(host);
                }
                // the first answer (at subscription) is public; every later one points at this machine
                return new InetAddress[] {InetAddress.getByName(LOOKUPS.getAndIncrement() == 0 ? "93.184.215.14" : "127.0.0.2")};
            };
        }
    }

    @Autowired
    RestTestClient rest;

    @Test
    void aNameThatResolvesToLoopbackAtDeliveryIsNotDelivered() throws Exception {
        Api api = new Api(rest);
        String uscc = Registry.newUscc("640104");
        Listing listing = Registry.register(UUID.randomUUID().toString(), uscc, "宁夏重绑定测试化工有限公司", "640104",
                ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025, null);
        LOOKUPS.set(0);
        JsonNode subscription = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                Map.of("url", "https://" + HOST + ":8443/hook", "secret", "rebinding-test-secret-0001",
                        "watchUsccs", List.of(uscc))), HttpStatus.CREATED);
        assertThat(LOOKUPS.get()).as("checked (resolved) at subscription").isEqualTo(1);

        Registry.changeStatus(listing.getId(), StatusAction.REVOKE, "重绑定测试");

        String path = "/webhook-subscriptions/" + subscription.get("id").asString() + "/deliveries";
        JsonNode delivery = Waiting.atMost(Duration.ofSeconds(30), "a delivery attempt")
                .until(() -> Api.json(api.get(Tokens.client("bank-a"), path), HttpStatus.OK),
                        log -> log.get("total").asLong() > 0 && log.get("items").get(0).get("attempts").asInt() > 0)
                .get("items").get(0);
        assertThat(delivery.get("state").asString()).isNotEqualTo("DELIVERED");
        assertThat(delivery.path("lastStatus").isMissingNode() || delivery.path("lastStatus").isNull()).isTrue();
        assertThat(delivery.get("lastError").asString())
                .startsWith("Not sent: the host " + HOST + " (127.0.0.2) is a loopback address");
        assertThat(LOOKUPS.get()).as("resolved again at delivery").isGreaterThan(1);
    }
}
