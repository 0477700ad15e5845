package io.greenportal.certification.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.application.ApplicationRequest;
import io.greenportal.certification.publicity.PublicityService;
import io.greenportal.certification.support.BehindStallingProxies;
import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.InFlight;
import io.greenportal.certification.support.InFlight.Answer;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.certification.support.StallingPeers;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.web.Caller;
import io.grpc.ManagedChannel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * An annual-report decision that suspends a listing is recorded at once, the registry update queued
 * with it: while the registry hangs, decisions (more than the pool has connections) are answered
 * with the update PENDING, and the service answers everything else. Once the registry answers again
 * the updates are applied (DONE) and the listings are suspended there.
 */
@BehindStallingProxies
class HungRegistryAtDecisionTest {

    /** More than the pool's 3 connections. */
    static final int DECISIONS = 4;

    @Autowired
    ApplicationContext context;

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    PublicityService publicity;

    @Autowired
    AnnualReportService reports;

    @Autowired
    JdbcClient jdbc;

    Flow flow;
    ServiceFlow services;
    ManagedChannel channel;
    RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    @BeforeEach
    void setUp() {
        flow = new Flow(rest, clock);
        services = new ServiceFlow(context);
        channel = Grpc.channel(io.greenportal.certification.support.TestData.registryGrpcPort());
        registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("certification-service"));
    }

    @AfterEach
    void tearDown() {
        StallingPeers.resumeAll();
        channel.shutdownNow();
    }

    record Granted(UUID listingId, String reportId) {
    }

    /** A fresh enterprise's listing granted here, its first report submitted. */
    Granted granted(UUID batch) throws Exception {
        Caller enterprise = ServiceFlow.newEnterprise();
        UUID application = services.inPublicity(enterprise, batch);
        services.advance(Duration.ofDays(6));
        publicity.closeIfEnded(application);
        UUID listingId = services.awaitListing(application).listingId();
        UUID reportId = jdbc.sql("select id from annual_report where application_id = :id").param("id", application)
                .query(UUID.class).single();
        reports.submit(enterprise, reportId, new AnnualReportService.Submission(List.of(
                new ApplicationRequest.IndicatorInput("SOLID_WASTE_UTILISATION", null, "70.5", "%")), "较上年下降"));
        return new Granted(listingId, reportId.toString());
    }

    ListingStatus statusInRegistry(UUID listingId) {
        return registry.getListing(GetListingRequest.newBuilder().setId(listingId.toString()).build()).getStatus();
    }

    JsonNode report(String id) {
        return Flow.json(flow.get("rev-prov", "annual-reports/" + id), HttpStatus.OK);
    }

    @Test
    void decisionsAreRecordedWhileTheRegistryHangsAndReachItWhenItAnswers() throws Exception {
        UUID batch = services.batch();
        List<Granted> granted = new ArrayList<>();
        for (int i = 0; i < DECISIONS; i++) {
            granted.add(granted(batch));
        }

        Flow.token("rev-prov"); // one login, before the concurrent requests share it
        StallingPeers.REGISTRY.stall();
        List<InFlight> decisions = granted.stream().map(g -> InFlight.start(() -> flow.post("rev-prov",
                "annual-reports/" + g.reportId() + "/decision",
                Map.of("action", "SUSPEND", "reason", "固废综合利用率明显下降，限期三个月整改")))).toList();
        List<Answer> answers = new ArrayList<>();
        for (InFlight decision : decisions) {
            answers.add(decision.await(Duration.ofSeconds(30)));
        }
        // the outbox worker is now waiting on the hung registry, for each of them; the service goes on
        Answer read = InFlight.now(() -> flow.get("rev-prov", "annual-reports/" + granted.getFirst().reportId()));
        Answer list = InFlight.now(() -> flow.get("rev-prov", "annual-reports?status=SUSPENDED"));

        assertThat(StallingPeers.REGISTRY.stalled()).as("all answered while the registry hung").isTrue();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(answer.json().get("registryUpdate").get("action").asString()).isEqualTo("SUSPEND");
            assertThat(answer.json().get("registryUpdate").get("status").asString()).isEqualTo("PENDING");
        });
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("registryUpdate").get("status").asString()).isEqualTo("PENDING");
        assertThat(list.status()).isEqualTo(200);
        assertThat(granted).allSatisfy(g -> assertThat(statusInRegistry(g.listingId())).isEqualTo(ListingStatus.ACTIVE));

        // the registry hangs until every update has been tried there and failed (its call deadline ran out)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(granted).allSatisfy(g ->
                assertThat(report(g.reportId()).get("registryUpdate").get("attempts").asInt()).isPositive()));
        StallingPeers.REGISTRY.resume();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(granted).allSatisfy(g -> {
            assertThat(report(g.reportId()).get("registryUpdate").get("status").asString()).isEqualTo("DONE");
            assertThat(statusInRegistry(g.listingId())).isEqualTo(ListingStatus.SUSPENDED);
        }));
    }
}
