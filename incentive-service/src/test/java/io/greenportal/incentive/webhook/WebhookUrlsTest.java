package io.greenportal.incentive.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.greenportal.platform.web.ApiException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The methods tagged unit need no network; the others resolve host names (DNS) and run in the full build. */
class WebhookUrlsTest {

    static WebhookProperties properties(boolean loopback, boolean privateNetworks) {
        return new WebhookProperties("test-secret-key-0123456789", loopback, privateNetworks, Duration.ofSeconds(5),
                Duration.ofHours(1), 30, Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(60), 8, 20, 10000, 100000);
    }

    final WebhookUrls development = new WebhookUrls(properties(true, false));
    final WebhookUrls production = new WebhookUrls(properties(false, false));

    @Test
    void acceptsHttpsAndLoopbackHttpForDevelopment() {
        for (String url : List.of("https://hooks.nxbank.example/greenportal", "http://127.0.0.1:8089/hook",
                "http://localhost:9000/hook", "http://[::1]:9000/hook", "https://93.184.216.34/hook")) {
            assertThat(development.check(url).toString()).isEqualTo(url);
        }
    }

    @Test
    void refusesWhatWouldLetASubscriberReachIntoOurNetwork() {
        for (String url : List.of("ftp://bank.example/hook", "file:///etc/passwd", "/relative/hook", "gopher://x",
                "http://bank.example.com/hook", "https://169.254.169.254/latest/meta-data/",
                "https://metadata.google.internal/computeMetadata/v1/", "https://metadata.tencentyun.com/latest",
                "https://[fe80::1]/hook", "https://[::ffff:169.254.169.254]/", "https://[64:ff9b::a9fe:a9fe]/",
                "https://[::ffff:0:a9fe:a9fe]/", "https://[2002:a9fe:a9fe::]/",
                "https://100.100.100.200/latest/meta-data", "https://10.1.2.3/hook", "https://192.168.1.10/hook",
                "https://172.20.0.5/hook", "https://[fd12::1]/hook", "https://0.0.0.0/hook", "https://224.0.0.1/",
                "https://user:pw@bank.example/hook", "https://2852039166/", "http://10.0.0.1/", "https:///nohost",
                "not a url at all")) {
            assertThatThrownBy(() -> development.check(url)).as(url).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.field()).isEqualTo("url"));
        }
    }

    @Test
    void productionRefusesLoopbackAndChecksResolvedAddressesBeforeDelivery() throws Exception {
        assertThatThrownBy(() -> production.check("http://127.0.0.1:8089/hook")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> production.check("https://localhost/hook")).isInstanceOf(ApiException.class);
        assertThat(production.refusal(URI.create("https://localhost/hook"))).contains("loopback");
        assertThat(production.refusal(URI.create("https://hooks.nxbank.example/x"))).contains("does not resolve");
        assertThat(production.refusal(InetAddress.getByName("169.254.169.254"))).contains("link-local");
        assertThat(production.refusal(InetAddress.getByName("93.184.216.34"))).isNull();
        WebhookUrls privateLine = new WebhookUrls(properties(false, true));
        assertThat(privateLine.refusal(InetAddress.getByName("10.1.2.3"))).isNull();
        assertThat(privateLine.refusal(InetAddress.getByName("240.0.0.1"))).contains("reserved");
        // special-purpose blocks no bank is in, even on a private line: benchmarking (proxies' fake-IP DNS),
        // documentation, protocol assignments, discard-only, ORCHID, segment routing
        for (String address : List.of("198.18.0.1", "198.19.255.254", "192.0.0.8", "192.0.2.1", "198.51.100.7",
                "203.0.113.9", "100::1", "2001:db8::1", "2001:2::1", "2001:10::1", "2001:20::1", "3fff::1", "5f00::1")) {
            assertThat(privateLine.refusal(InetAddress.getByName(address))).as(address).startsWith("a reserved address (");
            assertThat(production.refusal(InetAddress.getByName(address))).as(address).startsWith("a reserved address (");
        }
        // their neighbours are public
        for (String address : List.of("198.17.255.1", "198.20.0.1", "203.0.114.1", "2001:db9::1", "2001:4860::8888")) {
            assertThat(production.refusal(InetAddress.getByName(address))).as(address).isNull();
        }
        assertThat(privateLine.refusal(InetAddress.getByName("169.254.169.254"))).contains("link-local");
    }

    @Test
    void loopbackWrittenAsOneNumberOrInOctalIsRefusedWhereverLoopbackIsRefused() {
        for (WebhookUrls urls : List.of(development, production)) {
            for (String url : List.of("https://2130706433/x", "https://017700000001/x", "https://0177.0.0.1/x",
                    "https://0x7f000001/x", "https://0x7f.0.0.1/x", "https://127.1/x", "https://127.0.0.01/x")) {
                assertThatThrownBy(() -> urls.check(url)).as(url).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getMessage()).contains("not an IPv4 address in the usual form")
                                .contains("203.0.113.10"));
                // a subscription stored before this rule is refused at delivery as well
                assertThat(urls.refusal(URI.create(url))).as(url).startsWith("the URL has the host")
                        .contains("not an IPv4 address");
            }
        }
        // at delivery the host is resolved again and every address checked: a name that now points at
        // loopback is refused in production, with a sentence for the delivery log
        assertThat(production.refusal(URI.create("https://localhost/hook")))
                .isEqualTo("the host localhost (127.0.0.1) is a loopback address, which webhooks may not reach");
        assertThat(production.refusal(URI.create("https://127.0.0.1/hook")))
                .isEqualTo("the host 127.0.0.1 is a loopback address, which webhooks may not reach");
        assertThat(production.refusal(URI.create("https://hooks.nxbank.example/x")))
                .isEqualTo("the host hooks.nxbank.example does not resolve (no DNS address)");
        assertThat(development.check("https://127.0.0.1/x").toString()).isEqualTo("https://127.0.0.1/x");
    }

    @Test
    @Tag("unit")
    void hostsJavaCannotParseAreExplained() {
        assertThatThrownBy(() -> production.check("https://例子.测试/hook")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("internationalised host name (例子.测试)")
                        .contains("ASCII (punycode) form").contains("https://xn--fsqu00a.xn--0zwm56d/"));
        assertThatThrownBy(() -> production.check("https://bad_host.example/hook")).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.getMessage()).contains("bad_host.example").contains("not a valid host name"));
        assertThatThrownBy(() -> production.check("https:///nohost")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).isEqualTo("has no host"));
        assertThatThrownBy(() -> production.check(" ")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).startsWith("must not be blank"));
    }

    @Test
    @Tag("unit")
    void backOffDoublesUpToTheMaximum() {
        WebhookProperties p = properties(true, false);
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoff(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(p.backoff(20)).isEqualTo(Duration.ofHours(1));
        assertThat(p.backoff(200)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @Tag("unit")
    void signsTheTimestampAndBodyWithHmacSha256AsAnyHmacLibraryDoes() {
        // expected values computed independently (Python's hmac module) over UTF-8 "timestamp.body"
        assertThat(Signatures.sign("key", 1767225600L, "{\"a\":1}"))
                .isEqualTo("v1=80f7b75f8618b9b24d72673996a625f1a43f7387a26b6739d667431724fe4d23");
        assertThat(Signatures.sign("银行密钥-0001", 1767225600L, "{\"状态\":\"REVOKED\"}"))
                .isEqualTo("v1=c2c46f41028eeea88b051281069b1b4bb2dbd7407986b7d4c0c894dc534bd186");
        assertThat(Signatures.sign("key", 1767225601L, "{\"a\":1}"))
                .isNotEqualTo(Signatures.sign("key", 1767225600L, "{\"a\":1}"));
    }

    @Test
    @Tag("unit")
    void secretsAreSealedAndOpenedOnlyWithTheSameKey() {
        SecretBox box = new SecretBox(properties(true, false));
        String sealed = box.seal("bank-shared-secret-0001");
        assertThat(sealed).doesNotContain("bank-shared-secret");
        assertThat(box.seal("bank-shared-secret-0001")).isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("bank-shared-secret-0001");
        WebhookProperties other = new WebhookProperties("another-key-entirely-0000", true, false, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, 1, 1, 1);
        assertThatThrownBy(() -> new SecretBox(other).open(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
