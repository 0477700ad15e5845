package io.greenportal.certification.national;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recommendation to a WireMock national platform that misbehaves: 5xx and time-outs on delivery,
 * duplicate and out-of-order callbacks, decisions by poll and by callback at once, unknown dossier ids,
 * bad signatures. Every decision is applied exactly once and in order, and reaches the registry.
 */
@IntegrationTest
class NationalPlatformTest {

    static WireMockServer national;

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    DecisionPoller poller;

    @Autowired
    NationalStore store;

    @Autowired
    RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    @Value("${greenportal.national.callback-secret}")
    String secret;

    Flow flow;
    ServiceFlow services;

    @BeforeAll
    static void startNationalPlatform() {
        national = new WireMockServer(WireMockConfiguration.options()
                .port(Integer.parseInt(System.getenv().getOrDefault("GP_TEST_NATIONAL_PORT", "18099"))));
        national.start();
        // a first request to a cold WireMock can take longer than the service's read time-out
        national.stubFor(get(urlPathEqualTo("/warm-up")).willReturn(aResponse().withStatus(204)));
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(national.baseUrl() + "/warm-up")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopNationalPlatform() {
        national.stop();
    }

    @BeforeEach
    void setUp() {
        national.resetAll();
        flow = new Flow(rest, clock);
        services = new ServiceFlow(context);
    }

    /** An approved listing of a fresh enterprise, recommended alone in a new round and submitted: its dossier id. */
    UUID recommended(Application approved) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("name", "2026年度国家级绿色工厂推荐 " + System.nanoTime() % 100000);
        round.put("deadline", flow.now().plusDays(10).toString());
        round.put("quotas", Map.of("GREEN_FACTORY", 2));
        String roundId = Flow.json(flow.post("admin", "national/rounds", round), HttpStatus.CREATED).get("id").asString();
        JsonNode selected = Flow.json(flow.put("admin", "national/rounds/" + roundId + "/selection",
                Map.of("applicationIds", List.of(approved.id().toString()))), HttpStatus.OK);
        assertThat(selected.get("dossiers").get(0).get("position").asInt()).isEqualTo(1);
        JsonNode submitted = Flow.json(flow.post("admin", "national/rounds/" + roundId + "/submission", null), HttpStatus.OK);
        assertThat(submitted.get("round").get("status").asString()).isEqualTo("SUBMITTED");
        return UUID.fromString(submitted.get("dossiers").get(0).get("id").asString());
    }

    Application approved() throws InterruptedException {
        return services.approved(ServiceFlow.newEnterprise(), services.batch(), services.bodyA().id(), ServiceFlow.EVAL_A);
    }

    void acceptEveryDelivery() {
        national.stubFor(put(urlPathMatching("/national/api/v1/dossiers/.*")).willReturn(aResponse().withStatus(201)));
    }

    String dossierStatus(UUID dossier) {
        return store.dossier(dossier).orElseThrow().status();
    }

    void awaitDossier(UUID dossier, String status) throws InterruptedException {
        Waiting.atMost(Duration.ofSeconds(30), "the dossier is " + status).until(() -> dossierStatus(dossier).equals(status));
    }

    RestTestClient.ResponseSpec callback(Map<String, Object> decision, String signature) {
        byte[] body = json.writeValueAsBytes(decision);
        return rest.post().uri(Flow.API + "/national/callbacks").contentType(MediaType.APPLICATION_JSON)
                .header(CallbackSignature.HEADER, signature == null ? CallbackSignature.sign(secret, body) : signature)
                .body(body).exchange();
    }

    static Map<String, Object> accepted(String eventId, UUID dossier, int version, String number) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventId", eventId);
        d.put("dossierId", dossier.toString());
        d.put("version", version);
        d.put("kind", "ACCEPTED");
        d.put("certificateNumber", number);
        d.put("decidedOn", LocalDate.now().toString());
        return d;
    }

    static Map<String, Object> removed(String eventId, UUID dossier, int version, String removal) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventId", eventId);
        d.put("dossierId", dossier.toString());
        d.put("version", version);
        d.put("kind", "REMOVED");
        d.put("reason", "年度动态管理评价不合格");
        d.put("removal", removal);
        return d;
    }

    Listing awaitRegistry(UUID listing, java.util.function.Predicate<Listing> done) throws InterruptedException {
        return Waiting.atMost(Duration.ofSeconds(30), "the registry shows the listing's change")
                .until(() -> registry.getListing(GetListingRequest.newBuilder().setId(listing.toString()).build()), done);
    }

    long outboxRows(UUID listing, String kind) {
        return jdbc.sql("select count(*) from registry_outbox where listing_id = :l and kind = :k")
                .param("l", listing).param("k", kind).query(Long.class).single();
    }

    @Test
    void aDossierGoesThrough5xxAndATimeOutIsDeliveredOnceLoggedAndReplayedAsADuplicate() throws Exception {
        String path = "/national/api/v1/dossiers/.*";
        national.stubFor(put(urlPathMatching(path)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("slow"));
        national.stubFor(put(urlPathMatching(path)).inScenario("flaky").whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(201).withFixedDelay(5000)).willSetStateTo("up"));
        national.stubFor(put(urlPathMatching(path)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)).willSetStateTo("known"));
        national.stubFor(put(urlPathMatching(path)).inScenario("flaky").whenScenarioStateIs("known")
                .willReturn(aResponse().withStatus(200)));
        Application approved = approved();
        UUID dossier = recommended(approved);
        awaitDossier(dossier, "DELIVERED");

        JsonNode detail = Flow.json(flow.get("admin", "national/dossiers/" + dossier), HttpStatus.OK);
        assertThat(detail.get("delivery").get("status").asString()).isEqualTo("DONE");
        List<String> outcomes = detail.get("deliveries").valueStream().map(d -> d.get("outcome").asString()).toList();
        assertThat(outcomes.reversed()).containsExactly("RETRY", "RETRY", "DELIVERED");
        assertThat(detail.get("deliveries").get(2).get("httpStatus").asInt()).isEqualTo(503);
        var puts = national.findAll(putRequestedFor(urlPathEqualTo("/national/api/v1/dossiers/" + dossier)));
        assertThat(puts).hasSize(3);
        assertThat(puts.stream().map(r -> r.getBodyAsString()).distinct()).hasSize(1);
        JsonNode sent = json.readTree(puts.getFirst().getBodyAsString());
        assertThat(sent.get("dossierId").asString()).isEqualTo(dossier.toString());
        assertThat(sent.get("listing").get("certificateNumber").asString()).isEqualTo(approved.certificateNumber());
        assertThat(sent.get("scores").get("evaluationAspects").size()).isEqualTo(7);
        assertThat(sent.get("reports").size()).isPositive();

        // an administrator replays it: sent again as it was, the national side answers 200 (had it)
        flow.post("rev-prov", "national/dossiers/" + dossier + "/replay", null).expectStatus().isForbidden();
        flow.post("admin", "national/dossiers/" + dossier + "/replay", null).expectStatus().isAccepted();
        Waiting.atMost(Duration.ofSeconds(30), "the replay is delivered")
                .until(() -> !store.deliveries(dossier, 10).getFirst().outcome().equals("REPLAY_REQUESTED"));
        var log = store.deliveries(dossier, 10);
        assertThat(log.get(0).outcome()).isEqualTo("DUPLICATE");
        assertThat(log.get(1).outcome()).isEqualTo("REPLAY_REQUESTED");
        assertThat(log.get(1).actor()).isEqualTo("admin");
        assertThat(dossierStatus(dossier)).isEqualTo("DELIVERED");
        assertThat(national.findAll(putRequestedFor(urlPathEqualTo("/national/api/v1/dossiers/" + dossier)))).hasSize(4);
        assertThat(Flow.json(flow.get("admin", "national/deliveries?dossierId=" + dossier), HttpStatus.OK).get("items")
                .size()).isEqualTo(5);
    }

    @Test
    void duplicateAndOutOfOrderCallbacksAreAppliedOnceInOrderAndReachTheRegistry() throws Exception {
        acceptEveryDelivery();
        Application approved = approved();
        UUID dossier = recommended(approved);
        awaitDossier(dossier, "DELIVERED");
        String number = "GF-N-" + System.nanoTime() % 1_000_000_000L;

        // the removal (version 2) arrives before the acceptance (version 1): held
        assertThat(Flow.json(callback(removed("rm-" + dossier, dossier, 2, "REVOKE"), null), HttpStatus.OK)
                .get("result").asString()).isEqualTo("HELD");
        assertThat(dossierStatus(dossier)).isEqualTo("DELIVERED");
        assertThat(Flow.json(callback(removed("rm-" + dossier, dossier, 2, "REVOKE"), null), HttpStatus.OK)
                .get("result").asString()).isEqualTo("DUPLICATE");
        // the acceptance comes: both apply, in order
        assertThat(Flow.json(callback(accepted("acc-" + dossier, dossier, 1, number), null), HttpStatus.OK)
                .get("result").asString()).isEqualTo("APPLIED");
        assertThat(dossierStatus(dossier)).isEqualTo("REMOVED");
        // repeats, also under another event id for the same version: nothing more
        assertThat(Flow.json(callback(accepted("acc-" + dossier, dossier, 1, number), null), HttpStatus.OK)
                .get("result").asString()).isEqualTo("DUPLICATE");
        assertThat(Flow.json(callback(accepted("acc2-" + dossier, dossier, 1, number), null), HttpStatus.OK)
                .get("result").asString()).isEqualTo("DUPLICATE");
        Dossier decided = store.dossier(dossier).orElseThrow();
        assertThat(decided.nationalCertificateNumber()).isEqualTo(number);
        assertThat(decided.appliedVersion()).isEqualTo(2);
        assertThat(outboxRows(approved.listingId(), "UPGRADE_NATIONAL")).isEqualTo(1);
        assertThat(outboxRows(approved.listingId(), "CHANGE_STATUS")).isEqualTo(1);

        // the registry gets the upgrade, then the revocation
        Listing listing = awaitRegistry(approved.listingId(), l -> l.getStatus() == ListingStatus.REVOKED);
        assertThat(listing.getStatus()).isEqualTo(ListingStatus.REVOKED);
        assertThat(listing.getLevel()).isEqualTo(Level.NATIONAL);
        assertThat(listing.getCertificateNumber()).isEqualTo(number);
        // the relay marks a row done only after the registry has answered, so the registry can show it first
        Waiting.atMost(Duration.ofSeconds(30), "the outbox rows are done").until(() -> jdbc
                .sql("select count(*) from registry_outbox where listing_id = :l and status <> 'DONE'")
                .param("l", approved.listingId()).query(Long.class).single() == 0);
    }

    @Test
    void unknownDossiersBadSignaturesAndBadDecisionsChangeNothing() throws Exception {
        long before = jdbc.sql("select count(*) from national_decision").query(Long.class).single();
        JsonNode unknown = Flow.json(callback(accepted("x-" + UUID.randomUUID(), UUID.randomUUID(), 1, "GF-N-1"), null),
                HttpStatus.NOT_FOUND);
        assertThat(unknown.get("type").asString()).endsWith("/unknown-dossier");
        callback(accepted("x", UUID.randomUUID(), 1, "GF-N-1"), "sha256=" + "0".repeat(64))
                .expectStatus().isUnauthorized();
        callback(accepted("x", UUID.randomUUID(), 1, "GF-N-1"), "").expectStatus().isUnauthorized();
        Map<String, Object> incomplete = accepted("x", UUID.randomUUID(), 0, null);
        JsonNode invalid = Flow.json(callback(incomplete, null), HttpStatus.BAD_REQUEST);
        assertThat(invalid.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("version", "certificateNumber");
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        rest.post().uri(Flow.API + "/national/callbacks").contentType(MediaType.APPLICATION_JSON)
                .header(CallbackSignature.HEADER, CallbackSignature.sign(secret, garbage)).body(garbage).exchange()
                .expectStatus().isBadRequest();
        assertThat(jdbc.sql("select count(*) from national_decision").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void pollingAndCallbacksMeetInOneIntakeAndAPlatformDownLosesNothing() throws Exception {
        acceptEveryDelivery();
        Application approved = approved();
        UUID dossier = recommended(approved);
        awaitDossier(dossier, "DELIVERED");
        String number = "GF-N-" + System.nanoTime() % 1_000_000_000L;
        String decisions = "/national/api/v1/dossiers/" + dossier + "/decisions";

        national.stubFor(get(urlPathEqualTo(decisions)).willReturn(aResponse().withStatus(502)));
        assertThat(poller.poll(store.dossier(dossier).orElseThrow())).isZero();
        national.stubFor(get(urlPathEqualTo(decisions)).willReturn(aResponse().withStatus(200).withFixedDelay(5000)
                .withHeader("Content-Type", "application/json").withBody("{\"items\": []}")));
        assertThat(poller.poll(store.dossier(dossier).orElseThrow())).isZero();
        assertThat(dossierStatus(dossier)).isEqualTo("DELIVERED");

        Map<String, Object> acceptance = accepted("acc-" + dossier, dossier, 1, number);
        national.stubFor(get(urlPathEqualTo(decisions)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(json.writeValueAsString(Map.of("items", List.of(acceptance))))));
        assertThat(poller.poll(store.dossier(dossier).orElseThrow())).isEqualTo(1);
        assertThat(dossierStatus(dossier)).isEqualTo("ACCEPTED");
        // the same decision by callback, and the next poll: nothing more
        assertThat(Flow.json(callback(acceptance, null), HttpStatus.OK).get("result").asString()).isEqualTo("DUPLICATE");
        assertThat(poller.poll(store.dossier(dossier).orElseThrow())).isZero();
        assertThat(outboxRows(approved.listingId(), "UPGRADE_NATIONAL")).isEqualTo(1);
        assertThat(store.decisionsOf(dossier)).extracting(NationalStore.Received::source).containsExactly("POLL");

        Listing listing = awaitRegistry(approved.listingId(), l -> l.getLevel() == Level.NATIONAL);
        assertThat(listing.getLevel()).isEqualTo(Level.NATIONAL);
        assertThat(listing.getCertificateNumber()).isEqualTo(number);
        assertThat(listing.getStatus()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(listing.getGrantedOn()).isEqualTo(LocalDate.now().toString());

        // a later removal by poll suspends it
        national.stubFor(get(urlPathEqualTo(decisions)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(json.writeValueAsString(Map.of("items", List.of(removed("rm-" + dossier, dossier, 2, "SUSPEND")))))));
        assertThat(poller.poll(store.dossier(dossier).orElseThrow())).isEqualTo(1);
        assertThat(awaitRegistry(approved.listingId(), l -> l.getStatus() == ListingStatus.SUSPENDED).getStatus())
                .isEqualTo(ListingStatus.SUSPENDED);
    }

    @Test
    void aRoundTakesApprovedListingsWithinItsQuotasBeforeItsDeadline() throws Exception {
        acceptEveryDelivery();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("name", "配额测试");
        // two approvals below move the service's clock by six days each
        round.put("deadline", flow.now().plusDays(100).toString());
        round.put("quotas", Map.of("GREEN_FACTORY", 1, "GREEN_HOUSE", 3));
        assertThat(Flow.json(flow.post("admin", "national/rounds", round), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("quotas.GREEN_HOUSE");
        round.put("quotas", Map.of("GREEN_FACTORY", 1));
        flow.post("rev-prov", "national/rounds", round).expectStatus().isForbidden();
        flow.post("ent-a", "national/rounds", round).expectStatus().isForbidden();
        String roundId = Flow.json(flow.post("admin", "national/rounds", round), HttpStatus.CREATED).get("id").asString();
        Application first = approved();
        Application second = approved();
        JsonNode overQuota = Flow.json(flow.put("admin", "national/rounds/" + roundId + "/selection",
                Map.of("applicationIds", List.of(first.id().toString(), second.id().toString()))), HttpStatus.BAD_REQUEST);
        assertThat(overQuota.get("detail").asString()).contains("the quota is 1");
        String draft = flow.draft("ent-a", flow.batch(), "640106");
        assertThat(Flow.json(flow.put("admin", "national/rounds/" + roundId + "/selection",
                Map.of("applicationIds", List.of(draft))), HttpStatus.BAD_REQUEST).get("detail").asString()).contains("DRAFT");
        flow.post("admin", "national/rounds/" + roundId + "/submission", null).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        Flow.json(flow.put("admin", "national/rounds/" + roundId + "/selection",
                Map.of("applicationIds", List.of(second.id().toString()))), HttpStatus.OK);
        flow.post("admin", "national/rounds/" + roundId + "/submission", null).expectStatus().isOk();
        // submitted: no more changes; the listing cannot go up in another round meanwhile
        flow.put("admin", "national/rounds/" + roundId + "/selection",
                Map.of("applicationIds", List.of(first.id().toString()))).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        String another = Flow.json(flow.post("admin", "national/rounds", round), HttpStatus.CREATED).get("id").asString();
        assertThat(Flow.json(flow.put("admin", "national/rounds/" + another + "/selection",
                Map.of("applicationIds", List.of(second.id().toString()))), HttpStatus.CONFLICT).get("type").asString())
                .endsWith("/recommended-already");
        flow.get("rev-prov", "national/rounds/" + roundId).expectStatus().isOk();
        flow.get("ent-a", "national/rounds/" + roundId).expectStatus().isForbidden();
        flow.get("eval-a", "national/rounds").expectStatus().isForbidden();
    }

    void changeStatus(UUID listing, io.greenportal.contracts.registry.v1.StatusAction action, String reason) {
        registry.changeStatus(io.greenportal.contracts.registry.v1.ChangeStatusRequest.newBuilder()
                .setListingId(listing.toString()).setAction(action).setReason(reason).build());
    }

    @Test
    void aListingRevokedOrSuspendedSinceItsApprovalIsNeverRecommended() throws Exception {
        acceptEveryDelivery();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("name", "撤销名单测试 " + System.nanoTime() % 100000);
        round.put("deadline", flow.now().plusDays(100).toString());
        round.put("quotas", Map.of("GREEN_FACTORY", 2));
        String roundId = Flow.json(flow.post("admin", "national/rounds", round), HttpStatus.CREATED).get("id").asString();
        Application revoked = approved();
        Application suspendedLater = approved();
        changeStatus(revoked.listingId(), io.greenportal.contracts.registry.v1.StatusAction.REVOKE, "经查实申报材料弄虚作假");

        JsonNode refused = Flow.json(flow.put("admin", "national/rounds/" + roundId + "/selection",
                Map.of("applicationIds", List.of(revoked.id().toString()))), HttpStatus.BAD_REQUEST);
        assertThat(refused.get("field").asString()).isEqualTo("applicationIds");
        assertThat(refused.get("detail").asString()).contains(revoked.id().toString()).contains("REVOKED");
        assertThat(store.dossiersOf(UUID.fromString(roundId))).isEmpty();

        // selected while in force, suspended (限期整改) before the submission: the submission stops and names it
        Flow.json(flow.put("admin", "national/rounds/" + roundId + "/selection",
                Map.of("applicationIds", List.of(suspendedLater.id().toString()))), HttpStatus.OK);
        changeStatus(suspendedLater.listingId(), io.greenportal.contracts.registry.v1.StatusAction.SUSPEND, "年度报告逾期未报送");
        JsonNode stopped = Flow.json(flow.post("admin", "national/rounds/" + roundId + "/submission", null), HttpStatus.CONFLICT);
        assertThat(stopped.get("type").asString()).endsWith("/listing-not-in-force");
        assertThat(stopped.get("listingIds").get(0).asString()).isEqualTo(suspendedLater.listingId().toString());
        assertThat(Flow.json(flow.get("admin", "national/rounds/" + roundId), HttpStatus.OK).get("round").get("status").asString())
                .isEqualTo("OPEN");
        assertThat(store.dossiersOf(UUID.fromString(roundId)).getFirst().status()).isEqualTo("SELECTED");
    }

    @Test
    void aListingSelectedInTwoRoundsAtOnceGoesToOneAndTheOtherIsAConflict() throws Exception {
        Application approved = approved();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("name", "并发推荐 " + System.nanoTime() % 100000);
        round.put("deadline", flow.now().plusDays(100).toString());
        round.put("quotas", Map.of("GREEN_FACTORY", 1));
        List<String> rounds = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rounds.add(Flow.json(flow.post("admin", "national/rounds", round), HttpStatus.CREATED).get("id").asString());
        }
        var start = new java.util.concurrent.CountDownLatch(1);
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                String roundId = rounds.get(i % 2);
                pool.submit(() -> {
                    start.await();
                    statuses.add(flow.put("admin", "national/rounds/" + roundId + "/selection",
                            Map.of("applicationIds", List.of(approved.id().toString()))).returnResult().getStatus().value());
                    return null;
                });
            }
            start.countDown();
        }
        // the one that lost the race past the check is a conflict too, never the unique index's 500
        assertThat(statuses).hasSize(20).allMatch(s -> s == 200 || s == 409).contains(200, 409);
        long holding = rounds.stream().filter(id -> Flow.json(flow.get("admin", "national/rounds/" + id), HttpStatus.OK)
                .get("dossiers").size() == 1).count();
        assertThat(holding).isEqualTo(1);
    }
}
