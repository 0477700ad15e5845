package io.greenportal.incentive.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The address forms a hostile subscriber tries (zones, loopback written as IPv6, other 127/8
 * addresses, ports out of range), and a name that resolves to a public address at subscription and
 * to loopback when the delivery connects: refused where it connects, nothing sent.
 */
@Tag("unit")
class WebhookAddressFormsTest {

    final WebhookUrls production = new WebhookUrls(WebhookUrlsTest.properties(false, false));
    final WebhookUrls development = new WebhookUrls(WebhookUrlsTest.properties(true, false));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://[fe80::1%25eth0]/hook     | with a zone",
            "https://[fe80::1%eth0]/hook       | with a zone",
            "https://[::ffff:127.0.0.1]/hook   | loopback address written as IPv6",
            "https://[::ffff:7f00:1]/hook      | loopback address written as IPv6",
            "https://[::127.0.0.1]/hook        | loopback",
            "https://127.0.0.2/hook            | a loopback address",
            "https://127.255.255.254/hook      | a loopback address",
            "https://93.184.215.14:99999/hook   | not a TCP port",
            "https://93.184.215.14:0/hook       | not a TCP port"})
    void refusedInProductionAndForTheLocalPortalAlike(String url, String why) {
        for (WebhookUrls urls : new WebhookUrls[] {production, development}) {
            Refusal refusal = Refusal.of(() -> urls.check(url));
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.field()).isEqualTo("url");
            assertThat(refusal.detail()).as(url).contains(why);
        }
    }

    @Test
    void theLocalPortalsAllowanceIsExactly127001AndColonColon1() {
        assertThat(development.check("http://127.0.0.1:8089/hook")).isNotNull();
        assertThat(development.check("http://[::1]:8089/hook")).isNotNull();
        assertThat(Refusal.of(() -> production.check("http://127.0.0.1:8089/hook")).detail()).contains("loopback");
    }

    @Test
    void aNameThatRebindsToLoopbackIsRefusedWhereTheDeliveryConnects() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> {
            if (!host.equals("hooks.rebind.example")) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.215.14" : "127.0.0.1")};
        };
        for (boolean allowLoopback : new boolean[] {false, true}) {
            lookups.set(0);
            var properties = WebhookUrlsTest.properties(allowLoopback, false);
            var urls = new WebhookUrls(properties, host -> {
                InetAddress[] addresses = rebinding.resolve(host);
                // the local portal's allowance is for URLs naming loopback; a public name turning loopback is rebinding
                return addresses;
            });
            URI uri = urls.check("https://hooks.rebind.example/hook");
            assertThat(lookups.get()).as("resolved at subscription").isEqualTo(1);
            var http = new WebhookHttp(urls, properties);
            try {
                if (!allowLoopback) {
                    assertThatThrownBy(() -> http.post(uri, Map.of(), "{}"))
                            .isInstanceOf(WebhookHttp.RefusedAddress.class)
                            .hasMessageContaining("the host hooks.rebind.example (127.0.0.1) is a loopback address");
                    assertThat(DeliveryErrors.describe(catchIo(() -> http.post(uri, Map.of(), "{}")), uri, properties))
                            .startsWith("Not sent: the host hooks.rebind.example (127.0.0.1) is a loopback address");
                }
            } finally {
                http.destroy();
            }
        }
    }

    interface IoCall {
        void run() throws java.io.IOException;
    }

    static java.io.IOException catchIo(IoCall call) {
        try {
            call.run();
        } catch (java.io.IOException e) {
            return e;
        }
        throw new AssertionError("expected the connection to be refused");
    }
}
