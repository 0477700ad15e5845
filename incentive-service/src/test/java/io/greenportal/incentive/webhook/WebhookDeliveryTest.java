package io.greenportal.incentive.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeKind;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.incentive.feed.ChangeApplier;
import io.greenportal.incentive.feed.RegistryFeedFollower;
import io.greenportal.incentive.support.Api;
import io.greenportal.incentive.support.IntegrationTest;
import io.greenportal.incentive.support.Registry;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's webhook endpoint (WireMock, the one system here we do not own) hears of status changes
 * that reach the registry through its real gRPC API, signed, retried, logged and replayable.
 */
@IntegrationTest
class WebhookDeliveryTest {

    /** The bank's webhook endpoint (WireMock's own JUnit extension starts and stops it). */
    @RegisterExtension
    static WireMockExtension bank = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")).build();

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookProperties properties;

    @Autowired
    JsonMapper json;

    @Autowired
    RegistryFeedFollower follower;

    @Autowired
    ChangeApplier applier;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    record Firm(String uscc, Listing listing) {
    }

    static Firm firm(String name) {
        String uscc = Registry.newUscc("640104");
        Listing listing = Registry.register(UUID.randomUUID().toString(), uscc, name, "640104",
                ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025, null);
        return new Firm(uscc, listing);
    }

    JsonNode subscribe(String client, String path, String secret, List<String> watch) {
        return Api.json(api.post(Tokens.client(client), "/webhook-subscriptions",
                Map.of("url", bank.baseUrl() + path, "secret", secret, "watchUsccs", watch,
                        "description", "绿色信贷贷后监测")), HttpStatus.CREATED);
    }

    List<LoggedRequest> awaitRequests(String path, int count, Duration within) throws InterruptedException {
        return Waiting.atMost(within, count + " requests at " + path)
                .until(() -> bank.findAll(postRequestedFor(urlEqualTo(path))), requests -> requests.size() >= count);
    }

    static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRevocationReachesTheSubscribedBankSignedWithinFiveSecondsAfterTwoFailures() throws Exception {
        Firm firm = firm("宁夏塞上回调测试化工有限公司");
        Firm other = firm("宁夏未关注测试化工有限公司");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String nxPath = "/hooks/nx/" + run;
        String hhPath = "/hooks/hh/" + run;
        bank.stubFor(post(urlEqualTo(nxPath)).inScenario(run).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        bank.stubFor(post(urlEqualTo(nxPath)).inScenario(run).whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        bank.stubFor(post(urlEqualTo(nxPath)).inScenario(run).whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200)));
        bank.stubFor(post(urlEqualTo(hhPath)).willReturn(aResponse().withStatus(200)));
        String secret = "nxbank-webhook-secret-" + run;
        JsonNode subscription = subscribe("bank-a", nxPath, secret, List.of(firm.uscc()));
        assertThat(subscription.has("secret")).isFalse();
        assertThat(subscription.get("watchUsccs").get(0).asString()).isEqualTo(firm.uscc());
        String subscriptionId = subscription.get("id").asString();
        subscribe("bank-b", hhPath, "hhrcb-webhook-secret-" + run, List.of(other.uscc()));

        Registry.changeStatus(firm.listing().getId(), StatusAction.REVOKE, "申报材料弄虚作假，撤销称号");
        // failed twice, then delivered (how soon is a timing, which belongs to the benchmark)
        List<LoggedRequest> requests = awaitRequests(nxPath, 3, Duration.ofSeconds(30));

        assertThat(requests).hasSize(3);
        String eventId = requests.get(0).getHeader("X-GreenPortal-Event-Id");
        for (LoggedRequest request : requests) {
            String timestamp = request.getHeader("X-GreenPortal-Timestamp");
            assertThat(request.getHeader("X-GreenPortal-Signature")).isEqualTo(hmac(secret, timestamp, request.getBodyAsString()));
            assertThat(Math.abs(Long.parseLong(timestamp) - request.getLoggedDate().toInstant().getEpochSecond())).isLessThan(60);
            assertThat(request.getHeader("X-GreenPortal-Event-Id")).isEqualTo(eventId);
            assertThat(request.getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        JsonNode event = json.readTree(requests.get(0).getBodyAsString());
        assertThat(event.get("eventId").asString()).isEqualTo(eventId).endsWith("-" + subscriptionId);
        assertThat(event.get("type").asString()).isEqualTo("listing.status_changed");
        assertThat(event.get("uscc").asString()).isEqualTo(firm.uscc());
        assertThat(event.get("listingId").asString()).isEqualTo(firm.listing().getId());
        assertThat(event.get("certificateNumber").asString()).isEqualTo(firm.listing().getCertificateNumber());
        assertThat(event.get("certificateNumberAssigned").asBoolean()).as("the workflow's own certificate").isFalse();
        assertThat(event.get("status").asString()).isEqualTo("REVOKED");
        assertThat(event.get("previousStatus").asString()).isEqualTo("ACTIVE");
        assertThat(event.get("reason").asString()).isEqualTo("申报材料弄虚作假，撤销称号");
        assertThat(event.get("occurredAt").asString()).endsWith("+08:00");

        // a signature made with another secret, or over another body, does not verify
        assertThat(hmac("another-secret-0000000", requests.get(0).getHeader("X-GreenPortal-Timestamp"),
                requests.get(0).getBodyAsString())).isNotEqualTo(requests.get(0).getHeader("X-GreenPortal-Signature"));
        // the other bank watches another firm: it heard nothing
        assertThat(bank.findAll(postRequestedFor(urlEqualTo(hhPath)))).isEmpty();

        // the bank has its third request; the log says DELIVERED once the service has read the answer
        JsonNode log = Waiting.atMost(Duration.ofSeconds(10), "the delivery logged as delivered").until(
                () -> Api.json(api.get(Tokens.client("bank-a"), "/webhook-subscriptions/" + subscriptionId + "/deliveries"),
                        HttpStatus.OK),
                answer -> "DELIVERED".equals(answer.path("items").path(0).path("state").asString(null)));
        assertThat(log.get("total").asLong()).isEqualTo(1);
        assertThat(log.get("size").asInt()).as("the portal's default page size").isEqualTo(20);
        JsonNode delivery = log.get("items").get(0);
        assertThat(delivery.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("eventId").asString()).isEqualTo(eventId);
        String deliveryPath = "/webhook-subscriptions/" + subscriptionId + "/deliveries/" + delivery.get("id").asString();
        JsonNode detail = Api.json(api.get(Tokens.client("bank-a"), deliveryPath), HttpStatus.OK);
        assertThat(detail.get("attemptLog").valueStream().map(a -> a.get("httpStatus").asInt()).toList())
                .containsExactly(500, 503, 200);
        assertThat(detail.get("payload").get("status").asString()).isEqualTo("REVOKED");

        // the other bank can neither see the subscription nor its deliveries
        api.get(Tokens.client("bank-b"), "/webhook-subscriptions/" + subscriptionId).expectStatus().isNotFound();
        api.get(Tokens.client("bank-b"), "/webhook-subscriptions/" + subscriptionId + "/deliveries").expectStatus().isNotFound();
        api.get(Tokens.client("bank-b"), deliveryPath).expectStatus().isNotFound();
        api.post(Tokens.client("bank-b"), deliveryPath + "/replay", null).expectStatus().isNotFound();
        assertThat(Api.json(api.get(Tokens.client("bank-b"), "/webhook-subscriptions"), HttpStatus.OK).valueStream()
                .map(s -> s.get("id").asString())).doesNotContain(subscriptionId);

        // replay: the same event id and body again, freshly signed
        api.post(Tokens.client("bank-a"), deliveryPath + "/replay", null).expectStatus().isAccepted();
        List<LoggedRequest> replayed = awaitRequests(nxPath, 4, Duration.ofSeconds(5));
        assertThat(replayed).hasSize(4);
        LoggedRequest again = replayed.get(3);
        assertThat(again.getHeader("X-GreenPortal-Event-Id")).isEqualTo(eventId);
        assertThat(again.getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(again.getHeader("X-GreenPortal-Signature"))
                .isEqualTo(hmac(secret, again.getHeader("X-GreenPortal-Timestamp"), again.getBodyAsString()));

        JsonNode fromSequence = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions/" + subscriptionId
                + "/replay?fromSequence=" + event.get("sequence").asLong(), null), HttpStatus.ACCEPTED);
        assertThat(fromSequence.get("requeued").asInt()).isEqualTo(1);
        assertThat(awaitRequests(nxPath, 5, Duration.ofSeconds(5))).hasSize(5);
        api.post(Tokens.client("bank-a"), "/webhook-subscriptions/" + subscriptionId + "/replay", null)
                .expectStatus().isBadRequest();
    }

    @Test
    void afterARestartTheFeedResumesFromItsCursorAndNothingIsLostOrDoubled() throws Exception {
        Firm firm = firm("宁夏断点续传测试材料有限公司");
        String path = "/hooks/resume/" + UUID.randomUUID();
        bank.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String subscriptionId = subscribe("bank-b", path, "hhrcb-resume-secret-0001", List.of(firm.uscc()))
                .get("id").asString();

        follower.stop();
        Listing suspended;
        try {
            suspended = Registry.changeStatus(firm.listing().getId(), StatusAction.SUSPEND, "单位产品能耗超过评价要求，限期整改");
            // stop() has joined the follower's threads: nothing applies the change until it starts again
            assertThat(follower.isRunning()).isFalse();
            assertThat(bank.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
            assertThat(deliveries(subscriptionId)).isZero();
        } finally {
            follower.start();
        }
        List<LoggedRequest> requests = awaitRequests(path, 1, Duration.ofSeconds(5));
        assertThat(requests).hasSize(1);
        JsonNode event = json.readTree(requests.getFirst().getBodyAsString());
        assertThat(event.get("status").asString()).isEqualTo("SUSPENDED");

        // the same change applied again (a reconnect replays from the cursor) creates nothing new
        Change replay = Change.newBuilder().setSequence(event.get("sequence").asLong()).setKind(ChangeKind.STATUS_CHANGED)
                .setListing(suspended).setPreviousStatus(ListingStatus.ACTIVE).build();
        assertThat(applier.apply(List.of(replay))).as("deliveries created by applying it again").isZero();
        assertThat(deliveries(subscriptionId)).isEqualTo(1);
        assertThat(bank.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
    }

    @Test
    void aPausedSubscriptionKeepsItsDeliveriesUntilItIsResumed() throws Exception {
        Firm firm = firm("宁夏暂停订阅测试有限公司");
        String path = "/hooks/paused/" + UUID.randomUUID();
        bank.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String id = subscribe("bank-a", path, "nxbank-paused-secret-0001", List.of(firm.uscc())).get("id").asString();
        JsonNode paused = Api.json(api.patch(Tokens.client("bank-a"), "/webhook-subscriptions/" + id, Map.of("active", false)),
                HttpStatus.OK);
        assertThat(paused.get("active").asBoolean()).isFalse();
        // an active subscription to the same firm: its delivery shows the worker has been past the paused one
        String control = "/hooks/paused-control/" + UUID.randomUUID();
        bank.stubFor(post(urlEqualTo(control)).willReturn(aResponse().withStatus(200)));
        String controlId = subscribe("bank-a", control, "nxbank-control-secret-0001", List.of(firm.uscc()))
                .get("id").asString();

        Registry.changeStatus(firm.listing().getId(), StatusAction.SUSPEND, "年度报告逾期未报送，限期三个月整改");
        Waiting.atMost(Duration.ofSeconds(30), "the paused subscription's delivery is queued").until(() -> deliveries(id) > 0);
        assertThat(deliveries(id)).isEqualTo(1);
        assertThat(awaitRequests(control, 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(bank.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
        api.delete(Tokens.client("bank-a"), "/webhook-subscriptions/" + controlId).expectStatus().isNoContent();

        api.patch(Tokens.client("bank-a"), "/webhook-subscriptions/" + id, Map.of("active", true)).expectStatus().isOk();
        assertThat(awaitRequests(path, 1, Duration.ofSeconds(5))).hasSize(1);
        api.delete(Tokens.client("bank-a"), "/webhook-subscriptions/" + id).expectStatus().isNoContent();
        api.get(Tokens.client("bank-a"), "/webhook-subscriptions/" + id).expectStatus().isNotFound();
    }

    @Test
    void subscriptionsToUrlsThatReachIntoOurNetworkAreRefusedAndNothingIsWritten() {
        long before = subscriptions();
        for (String url : List.of("ftp://hooks.nxbank.example/x", "http://hooks.nxbank.example/x",
                "https://169.254.169.254/latest/meta-data/iam", "https://metadata.google.internal/",
                "https://[fe80::1]/hook", "https://10.0.0.8/hook", "https://[::ffff:169.254.169.254]/", "javascript:alert(1)")) {
            JsonNode problem = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                    Map.of("url", url, "secret", "a-long-enough-secret-001")), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(url).isEqualTo("url");
        }
        JsonNode shortSecret = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                Map.of("url", bank.baseUrl() + "/x", "secret", "short")), HttpStatus.BAD_REQUEST);
        assertThat(shortSecret.get("field").asString()).isEqualTo("secret");
        assertThat(shortSecret.get("detail").asString()).contains("secret: is too short").doesNotContain("is required");
        JsonNode longSecret = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                Map.of("url", bank.baseUrl() + "/x", "secret", "s".repeat(257))), HttpStatus.BAD_REQUEST);
        assertThat(longSecret.get("detail").asString()).contains("secret: is too long").doesNotContain("is required");
        assertThat(Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions", Map.of("url", bank.baseUrl() + "/x")),
                HttpStatus.BAD_REQUEST).get("detail").asString()).contains("secret: is required");
        for (String url : List.of("https://2130706433/x", "https://017700000001/x", "https://127.1/x", "https://0x7f.0.0.1/x")) {
            JsonNode problem = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                    Map.of("url", url, "secret", "a-long-enough-secret-001")), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(url).isEqualTo("url");
            assertThat(problem.get("detail").asString()).as(url).contains("not an IPv4 address in the usual form");
        }
        JsonNode idn = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                Map.of("url", "https://例子.测试/hook", "secret", "a-long-enough-secret-001")), HttpStatus.BAD_REQUEST);
        assertThat(idn.get("detail").asString()).contains("punycode").contains("xn--fsqu00a.xn--0zwm56d");
        JsonNode badWatch = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                Map.of("url", bank.baseUrl() + "/x", "secret", "a-long-enough-secret-001",
                        "watchUsccs", List.of(Registry.ENT_A, "914403001922038217"))), HttpStatus.BAD_REQUEST);
        assertThat(badWatch.get("field").asString()).isEqualTo("watchUsccs[1]");
        api.post(Tokens.client("bank-a"), "/webhook-subscriptions", Map.of("url", bank.baseUrl() + "/x",
                "secret", "a-long-enough-secret-001", "watchUsccs", List.of())).expectStatus().isBadRequest();
        api.post(Tokens.client("bank-a"), "/webhook-subscriptions", Map.of()).expectStatus().isBadRequest();
        assertThat(subscriptions()).isEqualTo(before);

        // an https host that does not resolve yet is accepted; it is checked again before each delivery
        String key = UUID.randomUUID().toString();
        JsonNode created = Api.json(api.post(Tokens.client("bank-b"), "/webhook-subscriptions",
                Map.of("url", "https://hooks.hhrcb.example/greenportal", "secret", "a-long-enough-secret-001"), key),
                HttpStatus.CREATED);
        assertThat(created.get("watchAll").asBoolean()).isTrue();
        assertThat(created.has("secret")).isFalse();
        JsonNode retried = Api.json(api.post(Tokens.client("bank-b"), "/webhook-subscriptions",
                Map.of("url", "https://hooks.hhrcb.example/greenportal", "secret", "a-long-enough-secret-001"), key),
                HttpStatus.OK);
        assertThat(retried.get("id").asString()).isEqualTo(created.get("id").asString());
        // the same key for another address is another request: refused, nothing created
        long held = subscriptions();
        JsonNode reused = Api.json(api.post(Tokens.client("bank-b"), "/webhook-subscriptions",
                Map.of("url", "https://hooks.hhrcb.example/other", "secret", "a-long-enough-secret-001"), key),
                HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(reused.get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(reused.get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(subscriptions()).isEqualTo(held);
        String path = "/webhook-subscriptions/" + created.get("id").asString();
        api.patch(Tokens.client("bank-b"), path, Map.of("url", "http://hooks.hhrcb.example/x")).expectStatus().isBadRequest();
        api.patch(Tokens.client("bank-b"), path, Map.of("secret", "short")).expectStatus().isBadRequest();
        JsonNode negative = Api.json(api.post(Tokens.client("bank-b"), path + "/replay?fromSequence=-5", null),
                HttpStatus.BAD_REQUEST);
        assertThat(negative.get("field").asString()).isEqualTo("fromSequence");
        assertThat(negative.get("detail").asString()).contains("must be 0 or more").doesNotContain("is required");
        api.patch(Tokens.client("bank-a"), path, Map.of("active", false)).expectStatus().isNotFound();
        api.delete(Tokens.client("bank-a"), path).expectStatus().isNotFound();
        JsonNode watching = Api.json(api.patch(Tokens.client("bank-b"), path, Map.of("watchUsccs", List.of(Registry.ENT_A),
                "secret", "a-rotated-secret-000000002")), HttpStatus.OK);
        assertThat(watching.get("watchAll").asBoolean()).isFalse();
        assertThat(watching.get("watchUsccs").get(0).asString()).isEqualTo(Registry.ENT_A);
        api.delete(Tokens.client("bank-b"), path).expectStatus().isNoContent();
    }

    @Test
    void onlyBanksHoldSubscriptions() {
        Map<String, Object> body = Map.of("url", bank.baseUrl() + "/x", "secret", "a-long-enough-secret-001");
        api.post(null, "/webhook-subscriptions", body).expectStatus().isUnauthorized();
        api.get(Tokens.foreignRealm(), "/webhook-subscriptions").expectStatus().isUnauthorized();
        for (String user : List.of("ent-a", "admin", "rev-prov")) {
            api.post(Tokens.user(user), "/webhook-subscriptions", body).expectStatus().isForbidden();
            api.get(Tokens.user(user), "/webhook-subscriptions").expectStatus().isForbidden();
        }
        api.get(Tokens.client("publicity-service"), "/webhook-subscriptions").expectStatus().isForbidden();
        api.get(Tokens.client("bank-a"), "/webhook-subscriptions/" + UUID.randomUUID() + "/deliveries").expectStatus().isNotFound();
        api.get(Tokens.client("bank-a"), "/webhook-subscriptions/" + UUID.randomUUID() + "/deliveries?state=LOST")
                .expectStatus().isNotFound();
    }

    long deliveries(String subscriptionId) {
        return jdbc.sql("select count(*) from webhook_delivery where subscription_id = cast(:s as uuid)")
                .param("s", subscriptionId).query(Long.class).single();
    }

    @Test
    void concurrentSubscriptionsStopAtTheBanksCap() throws Exception {
        int cap = properties.maxSubscriptionsPerBank();
        String token = Tokens.client("bank-b");
        var created = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        long held = jdbc.sql("select count(*) from webhook_subscription where bank_id = 'HHRCB'").query(Long.class).single();
        for (long i = held; i < cap - 1; i++) {
            created.add(Api.json(api.post(token, "/webhook-subscriptions", Map.of("url", bank.baseUrl() + "/held/" + i,
                    "secret", "hhrcb-held-secret-000" + i)), HttpStatus.CREATED).get("id").asString());
        }
        // one place left, twenty of the bank's clerks at once: 30 at once made 26 when each create counted on its own
        var start = new java.util.concurrent.CountDownLatch(1);
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                Map<String, Object> body = Map.of("url", bank.baseUrl() + "/cap/" + i, "secret", "hhrcb-cap-secret-000" + i);
                pool.submit(() -> {
                    start.await();
                    var result = api.post(token, "/webhook-subscriptions", body).returnResult(JsonNode.class);
                    statuses.add(result.getStatus().value());
                    if (result.getStatus().value() == 201) {
                        created.add(result.getResponseBody().get("id").asString());
                    }
                    return null;
                });
            }
            start.countDown();
        }
        try {
            assertThat(statuses).hasSize(20).allMatch(s -> s == 201 || s == 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(jdbc.sql("select count(*) from webhook_subscription where bank_id = 'HHRCB'").query(Long.class).single())
                    .isEqualTo(cap);
        } finally {
            created.forEach(id -> api.delete(token, "/webhook-subscriptions/" + id).expectStatus().isNoContent());
        }
    }

    @Test
    void concurrentChangesToOneSubscriptionEachAnswerTheStateTheyWrote() throws Exception {
        String token = Tokens.client("bank-a");
        List<String> codes = List.of(Registry.ENT_A, Registry.ENT_B);
        String path = "/webhook-subscriptions/" + subscribe("bank-a", "/concurrent-changes", "nxbank-changes-secret-0001",
                codes).get("id").asString();
        try {
            for (int round = 0; round < 4; round++) {
                var start = new java.util.concurrent.CountDownLatch(1);
                var answers = new java.util.concurrent.ConcurrentLinkedQueue<JsonNode>();
                try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < 16; i++) {
                        // every third change leaves the watch list as it is
                        Map<String, Object> change = i % 3 == 2 ? Map.of("active", true)
                                : i % 3 == 0 ? Map.of("watchAll", true) : Map.of("watchUsccs", codes);
                        pool.submit(() -> {
                            start.await();
                            answers.add(Api.json(api.patch(token, path, change), HttpStatus.OK));
                            return null;
                        });
                    }
                    start.countDown();
                }
                // watching everything, or exactly the codes named: never "nothing", in an answer or after
                answers.add(Api.json(api.get(token, path), HttpStatus.OK));
                assertThat(answers).hasSize(17).allSatisfy(answer -> {
                    if (answer.get("watchAll").asBoolean()) {
                        assertThat(answer.path("watchUsccs")).as(answer.toString()).isEmpty();
                    } else {
                        assertThat(answer.get("watchUsccs").valueStream().map(JsonNode::asString).sorted().toList())
                                .as(answer.toString()).isEqualTo(codes.stream().sorted().toList());
                    }
                });
            }
        } finally {
            api.delete(token, path).expectStatus().isNoContent();
        }
    }

    long subscriptions() {
        return jdbc.sql("select count(*) from webhook_subscription").query(Long.class).single();
    }
}
