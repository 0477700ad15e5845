package io.greenportal.incentive.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which addresses a webhook may reach, decided on addresses and literal hosts only (no name is
 * resolved here: WebhookUrlsTest covers names): a subscriber must not make us call into our own
 * network, a cloud metadata service or anything reserved.
 */
@Tag("unit")
class WebhookAddressRulesTest {

    final WebhookUrls production = new WebhookUrls(WebhookUrlsTest.properties(false, false));
    final WebhookUrls development = new WebhookUrls(WebhookUrlsTest.properties(true, false));
    final WebhookUrls privateLine = new WebhookUrls(WebhookUrlsTest.properties(false, true));

    static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: parsed, never looked up
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "10.1.2.3        | a private network address",
            "172.16.0.1      | a private network address",
            "172.31.255.254  | a private network address",
            "192.168.1.10    | a private network address",
            "100.64.0.1      | a private network address",
            "100.127.255.254 | a private network address",
            "fd12::1         | a private network address",
            "::ffff:10.0.0.1 | a private network address",
            "127.0.0.1       | a loopback address",
            "::1             | a loopback address",
            "169.254.169.254 | a link-local address (where cloud metadata services live)",
            "fe80::1         | a link-local address (where cloud metadata services live)",
            "64:ff9b::a9fe:a9fe | a link-local address (where cloud metadata services live)",
            "::ffff:0:a9fe:a9fe | a link-local address (where cloud metadata services live)",
            "2002:a9fe:a9fe:: | a link-local address (where cloud metadata services live)",
            "64:ff9b:1:a9fe:a9:fe00:: | a link-local address (where cloud metadata services live)",
            "2001:0:4136:e378:8000:63bf:5601:5601 | a link-local address (where cloud metadata services live)",
            "2002:a00:1:: | a private network address",
            "2002:7f00:1:: | a loopback address written as IPv6",
            "100.100.100.200 | a cloud metadata address",
            "fd00:ec2::254   | a cloud metadata address",
            "0.0.0.0         | an unspecified address",
            "::              | an unspecified address",
            "0.1.2.3         | a reserved address",
            "240.0.0.1       | a reserved address",
            "255.255.255.255 | a reserved address",
            "224.0.0.1       | a multicast address",
            "ff02::1         | a multicast address"})
    void productionRefusesWhatLiesInsideOrBeneathTheInternet(String literal, String why) throws Exception {
        assertThat(production.refusal(address(literal))).isEqualTo(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2400:cb00:2049::1", "11.0.0.1"})
    void publicAddressesMayBeCalled(String literal) throws Exception {
        assertThat(production.refusal(address(literal))).isNull();
    }

    @Test
    void aPrivateLineToTheBankAllowsPrivateAddressesButNeverMetadataOrLoopback() throws Exception {
        assertThat(privateLine.refusal(address("10.1.2.3"))).isNull();
        assertThat(privateLine.refusal(address("fd12::1"))).isNull();
        assertThat(privateLine.refusal(address("169.254.169.254"))).contains("link-local");
        assertThat(privateLine.refusal(address("100.100.100.200"))).isEqualTo("a cloud metadata address");
        assertThat(privateLine.refusal(address("127.0.0.1"))).isEqualTo("a loopback address");
    }

    @Test
    void developmentReachesLoopbackOverPlainHttp() throws Exception {
        assertThat(development.refusal(address("127.0.0.1"))).isNull();
        assertThat(development.check("http://127.0.0.1:8089/hook")).isEqualTo(URI.create("http://127.0.0.1:8089/hook"));
        assertThat(development.check("http://[::1]:9000/hook").getPort()).isEqualTo(9000);
        assertThat(Refusal.of(() -> development.check("http://93.184.215.14/hook")).detail())
                .isEqualTo("must use https; plain http is allowed only to 127.0.0.1, ::1 or localhost for development");
        assertThat(development.refusal(address("10.0.0.1"))).isEqualTo("a private network address");
    }

    @Test
    void aSubscriptionToALiteralAddressIsCheckedWhenItIsMade() {
        assertThat(production.check("https://93.184.215.14:8443/greenportal/hook").getPort()).isEqualTo(8443);
        var refusal = Refusal.of(() -> production.check("https://192.168.1.10/hook"));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.fields()).containsExactly("url");
        assertThat(refusal.detail())
                .isEqualTo("the host 192.168.1.10 is a private network address, which webhooks may not reach");
        assertThat(Refusal.of(() -> production.check("https://[::ffff:169.254.169.254]/latest")).detail())
                .contains("link-local");
        assertThat(production.refusal(URI.create("https://192.168.1.10/hook")))
                .as("the same sentence goes into the delivery log")
                .isEqualTo("the host 192.168.1.10 is a private network address, which webhooks may not reach");
    }

    @Test
    void namesAndFormsThatNeedNoLookupAreRefusedBeforeAny() {
        assertThat(Refusal.of(() -> production.check("https://metadata.google.internal/computeMetadata/v1/")).detail())
                .isEqualTo("points at a cloud metadata service");
        assertThat(Refusal.of(() -> production.check("https://metadata/latest")).detail())
                .isEqualTo("points at a cloud metadata service");
        assertThat(Refusal.of(() -> production.check("https://bank:secret@93.184.215.14/hook")).detail())
                .isEqualTo("must not carry credentials; the signature authenticates us to you");
        assertThat(Refusal.of(() -> production.check("ftp://93.184.215.14/hook")).detail())
                .isEqualTo("must be an https URL (or http to loopback for development), not ftp");
        assertThat(Refusal.of(() -> production.check("/hook")).detail())
                .isEqualTo("must be an https URL (or http to loopback for development), not a relative URL");
        assertThat(Refusal.of(() -> production.check("https://0x7f000001/x")).detail())
                .contains("not an IPv4 address in the usual form");
        assertThat(Refusal.of(() -> production.check("https://" + "a".repeat(2000) + ".example/")).detail())
                .isEqualTo("must be at most 2000 characters");
        assertThat(Refusal.of(() -> production.check(null)).detail())
                .isEqualTo("is required: the https URL to deliver events to");
        assertThat(Refusal.of(() -> production.check("https://bank example/hook")).detail()).isEqualTo("is not a valid URL");
    }
}
