package io.greenportal.incentive.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.incentive.bank.Banks;
import io.greenportal.incentive.feed.FeedCursor;
import io.greenportal.incentive.grpc.RegistryClient;
import io.greenportal.incentive.support.Api;
import io.greenportal.incentive.support.IntegrationTest;
import io.greenportal.incentive.support.Registry;
import io.greenportal.incentive.support.Screenings;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.platform.web.ApiException;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank watches a portfolio it screened in the registry: its subscription names the screening, and
 * the status changes of the firms the screening matched reach the bank's endpoint (WireMock), those
 * of other firms do not. Another bank's screening is not found.
 */
@IntegrationTest
class WatchedScreeningTest {

    /** The bank's webhook endpoint (WireMock's own JUnit extension starts and stops it). */
    @RegisterExtension
    static WireMockExtension bank = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")).build();

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    static Listing firm(String name) {
        return Registry.register(UUID.randomUUID().toString(), Registry.newUscc("640104"), name, "640104",
                ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025, null);
    }

    Map<String, Object> subscription(String path, Object... watch) {
        var body = new java.util.HashMap<String, Object>(Map.of("url", bank.baseUrl() + path,
                "secret", "watchlist-webhook-secret-0001", "description", "贷款组合观察名单"));
        for (int i = 0; i < watch.length; i += 2) {
            body.put((String) watch[i], watch[i + 1]);
        }
        return body;
    }

    List<LoggedRequest> awaitRequests(String path, int count, Duration within) throws InterruptedException {
        return Waiting.atMost(within, count + " requests at " + path)
                .until(() -> bank.findAll(postRequestedFor(urlEqualTo(path))), requests -> requests.size() >= count);
    }

    @Test
    void theStatusChangesOfTheScreenedPortfoliosFirmsReachTheBankAndNoOthers() throws Exception {
        Listing inPortfolio = firm("宁夏组合观察测试水泥有限公司");
        Listing notInPortfolio = firm("宁夏组合之外测试化工有限公司");
        String screening = Screenings.screen("bank-a", "统一社会信用代码,企业名称,客户编号\n"
                + inPortfolio.getEnterprise().getUscc() + ",,LOAN-1\n,北京完全不同科技有限公司,LOAN-2\n");
        String path = "/hooks/watchlist/" + UUID.randomUUID();
        bank.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));

        JsonNode subscription = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                subscription(path, "watchScreening", screening)), HttpStatus.CREATED);
        assertThat(subscription.get("watchScreening").asString()).isEqualTo(screening);
        assertThat(subscription.get("watchedFirms").asInt()).isEqualTo(1);
        assertThat(subscription.get("watchAll").asBoolean()).isFalse();
        assertThat(subscription.has("watchUsccs")).isFalse();
        String id = subscription.get("id").asString();
        assertThat(jdbc.sql("select uscc from webhook_watch where subscription_id = cast(:id as uuid)").param("id", id)
                .query(String.class).list()).containsExactly(inPortfolio.getEnterprise().getUscc());

        Registry.changeStatus(notInPortfolio.getId(), StatusAction.SUSPEND, "单位产品能耗超过评价要求，限期整改");
        Registry.changeStatus(inPortfolio.getId(), StatusAction.SUSPEND, "单位产品能耗超过评价要求，限期整改");
        List<LoggedRequest> requests = awaitRequests(path, 1, Duration.ofSeconds(10));
        assertThat(requests).hasSize(1);
        JsonNode event = json.readTree(requests.getFirst().getBodyAsString());
        assertThat(event.get("uscc").asString()).isEqualTo(inPortfolio.getEnterprise().getUscc());
        assertThat(event.get("status").asString()).isEqualTo("SUSPENDED");
        // the changes are applied in order: the other firm's came first, and the subscription's log,
        // written as each change is applied, holds only this one
        assertThat(Api.json(api.get(Tokens.client("bank-a"), "/webhook-subscriptions/" + id + "/deliveries"),
                HttpStatus.OK).get("total").asLong()).isEqualTo(1);
        assertThat(bank.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);

        // naming codes instead replaces the screening's list
        JsonNode listed = Api.json(api.patch(Tokens.client("bank-a"), "/webhook-subscriptions/" + id,
                Map.of("watchUsccs", List.of(notInPortfolio.getEnterprise().getUscc()))), HttpStatus.OK);
        assertThat(listed.has("watchScreening")).isFalse();
        assertThat(listed.get("watchUsccs").valueStream().map(JsonNode::asString).toList())
                .containsExactly(notInPortfolio.getEnterprise().getUscc());
        // and a screening named again replaces the codes
        JsonNode again = Api.json(api.patch(Tokens.client("bank-a"), "/webhook-subscriptions/" + id,
                Map.of("watchScreening", screening)), HttpStatus.OK);
        assertThat(again.get("watchScreening").asString()).isEqualTo(screening);
        assertThat(again.get("watchedFirms").asInt()).isEqualTo(1);
        JsonNode all = Api.json(api.patch(Tokens.client("bank-a"), "/webhook-subscriptions/" + id,
                Map.of("watchAll", true)), HttpStatus.OK);
        assertThat(all.get("watchAll").asBoolean()).isTrue();
        assertThat(all.has("watchScreening")).isFalse();
        api.delete(Tokens.client("bank-a"), "/webhook-subscriptions/" + id).expectStatus().isNoContent();
    }

    @Test
    void anotherBanksScreeningIsNotFoundAndNothingIsStored() {
        Listing listing = firm("宁夏他行组合测试材料有限公司");
        String screening = Screenings.screen("bank-a", "credit_code\n" + listing.getEnterprise().getUscc() + "\n");
        long before = subscriptions();

        JsonNode problem = Api.json(api.post(Tokens.client("bank-b"), "/webhook-subscriptions",
                subscription("/hooks/hh", "watchScreening", screening)), HttpStatus.NOT_FOUND);
        assertThat(problem.get("field").asString()).isEqualTo("watchScreening");
        assertThat(problem.get("detail").asString()).contains(screening);
        Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                subscription("/hooks/nx", "watchScreening", UUID.randomUUID().toString())), HttpStatus.NOT_FOUND);
        assertThat(subscriptions()).isEqualTo(before);

        String own = Api.json(api.post(Tokens.client("bank-b"), "/webhook-subscriptions",
                subscription("/hooks/hh", "watchUsccs", List.of(listing.getEnterprise().getUscc()))), HttpStatus.CREATED)
                .get("id").asString();
        api.patch(Tokens.client("bank-b"), "/webhook-subscriptions/" + own, Map.of("watchScreening", screening))
                .expectStatus().isNotFound();
        assertThat(Api.json(api.get(Tokens.client("bank-b"), "/webhook-subscriptions/" + own), HttpStatus.OK)
                .get("watchUsccs").get(0).asString()).isEqualTo(listing.getEnterprise().getUscc());
        api.delete(Tokens.client("bank-b"), "/webhook-subscriptions/" + own).expectStatus().isNoContent();
    }

    @Test
    void aScreeningWithCodesOrWatchAllOrNotAnIdIsRefusedNamingTheField() {
        String screening = UUID.randomUUID().toString();
        long before = subscriptions();
        JsonNode both = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                subscription("/x", "watchScreening", screening, "watchUsccs", List.of(Registry.ENT_A))), HttpStatus.BAD_REQUEST);
        assertThat(both.get("field").asString()).isEqualTo("watchScreening");
        JsonNode notAnId = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions",
                subscription("/x", "watchScreening", "portfolio-2026-01")), HttpStatus.BAD_REQUEST);
        assertThat(notAnId.get("field").asString()).isEqualTo("watchScreening");
        assertThat(subscriptions()).isEqualTo(before);

        String id = Api.json(api.post(Tokens.client("bank-a"), "/webhook-subscriptions", subscription("/x")),
                HttpStatus.CREATED).get("id").asString();
        String path = "/webhook-subscriptions/" + id;
        assertThat(Api.json(api.patch(Tokens.client("bank-a"), path, Map.of("watchScreening", screening, "watchAll", true)),
                HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("watchScreening");
        assertThat(Api.json(api.patch(Tokens.client("bank-a"), path,
                Map.of("watchScreening", screening, "watchUsccs", List.of(Registry.ENT_A))), HttpStatus.BAD_REQUEST)
                .get("field").asString()).isEqualTo("watchScreening");
        assertThat(Api.json(api.get(Tokens.client("bank-a"), path), HttpStatus.OK).get("watchAll").asBoolean()).isTrue();
        api.delete(Tokens.client("bank-a"), path).expectStatus().isNoContent();
    }

    @Autowired
    SubscriptionStore store;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    WebhookUrls urls;
    @Autowired
    SecretBox secrets;
    @Autowired
    FeedCursor cursor;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    WebhookProperties properties;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Banks banks;

    /** The largest portfolio a bank may screen (100,000 rows), every row a distinct matched firm. */
    @Test
    void aWatchListOfAHundredThousandFirmsIsAllowedStoredAndMatched() {
        assertThat(properties.maxScreeningWatchList()).isGreaterThanOrEqualTo(100_000);
        List<String> codes = java.util.stream.IntStream.rangeClosed(1, 100_000)
                .mapToObj(n -> String.format("91640100W%09d", n)).toList();
        UUID id = UUID.randomUUID();
        var now = java.time.OffsetDateTime.now();
        long start = cursor.last(FeedCursor.REGISTRY);
        var large = new Subscription(id, "NXBANK", bank.baseUrl() + "/large", null, false, codes, UUID.randomUUID(), null,
                true, start, now, now);

        transactions.executeWithoutResult(status -> store.insert(large, secrets.seal("watchlist-webhook-secret-0001"),
                "bank-a", null, null));
        try {
            assertThat(store.find(id, "NXBANK").orElseThrow().watchedFirms()).isEqualTo(100_000);
            assertThat(store.interestedIn("91640100W000054321", start + 1)).contains(id);
            assertThat(store.interestedIn("91640100W000100001", start + 1)).doesNotContain(id);
        } finally {
            store.delete(id, "NXBANK");
        }
    }

    /** The service as configured, but its registry at an address where nothing listens. */
    @Test
    void aRegistryThatDoesNotAnswerIs503AndNothingIsStored() {
        ManagedChannel nowhere = ManagedChannelBuilder.forAddress("127.0.0.1", 1).usePlaintext().build();
        try {
            var registry = new RegistryClient(RegistryServiceGrpc.newBlockingStub(nowhere),
                    ReferenceDataServiceGrpc.newBlockingStub(nowhere), Duration.ofSeconds(2));
            var service = new SubscriptionService(store, deliveries, urls, secrets, cursor, worker, properties, registry,
                    transactions, Clock.systemUTC());
            long before = subscriptions();
            var request = new SubscriptionService.Request(bank.baseUrl() + "/down", "watchlist-webhook-secret-0001", null,
                    UUID.randomUUID().toString(), null);
            assertThatThrownBy(() -> service.create(banks.find("NXBANK").orElseThrow(), request, "bank-a", null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.type()).isEqualTo("registry-unavailable");
                    });
            assertThat(subscriptions()).isEqualTo(before);
        } finally {
            nowhere.shutdownNow();
            try {
                nowhere.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long subscriptions() {
        return jdbc.sql("select count(*) from webhook_subscription").query(Long.class).single();
    }
}
