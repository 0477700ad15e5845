package io.greenportal.certification.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.application.ApplicationRequest;
import io.greenportal.certification.publicity.PublicityService;
import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.contracts.registry.v1.ChangeStatusRequest;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.web.ApiException;
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
 * Annual reports of a listing granted here, down to its status in the registry. The enterprise is a
 * fresh one (no Keycloak account), so the registry listings changed here are the test's own.
 */
@IntegrationTest
class AnnualReportTest {

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
    Caller enterprise;
    UUID listingId;
    String reportId;

    @BeforeEach
    void grantAListing() throws Exception {
        flow = new Flow(rest, clock);
        services = new ServiceFlow(context);
        channel = Grpc.channel(io.greenportal.certification.support.TestData.registryGrpcPort());
        registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("certification-service"));
        enterprise = ServiceFlow.newEnterprise();
        UUID application = services.inPublicity(enterprise, services.batch());
        services.advance(Duration.ofDays(6));
        publicity.closeIfEnded(application);
        listingId = services.awaitListing(application).listingId();
        reportId = jdbc.sql("select id::text from annual_report where application_id = :id").param("id", application)
                .query(String.class).single();
    }

    @AfterEach
    void tearDown() {
        channel.shutdownNow();
    }

    Listing listing() {
        return registry.getListing(GetListingRequest.newBuilder().setId(listingId.toString()).build());
    }

    AnnualReportService.Submission submission(String utilisation) {
        return new AnnualReportService.Submission(List.of(new ApplicationRequest.IndicatorInput("SOLID_WASTE_UTILISATION",
                null, utilisation, "%")), "本年度固废综合利用率 " + utilisation + "%");
    }

    JsonNode decide(String action, String reason, HttpStatus expected) {
        Map<String, Object> body = reason == null ? Map.of("action", action) : Map.of("action", action, "reason", reason);
        return Flow.json(flow.post("rev-prov", "annual-reports/" + reportId + "/decision", body), expected);
    }

    @Test
    void aSuspensionAndARestoreReachTheRegistryAndARevocationIsFinal() {
        JsonNode report = Flow.json(flow.get("rev-prov", "annual-reports/" + reportId), HttpStatus.OK);
        assertThat(report.get("status").asString()).isEqualTo("DUE");
        assertThat(report.get("overdue").asBoolean()).isFalse();

        assertThat(decide("SUSPEND", "未按期报送", HttpStatus.CONFLICT).get("type").asString()).endsWith("/report-not-overdue");
        decide("SUSPEND", null, HttpStatus.BAD_REQUEST);
        assertThatThrownBy(() -> reports.submit(enterprise, UUID.fromString(reportId), submission("120")))
                .isInstanceOf(ApiException.class).hasMessageContaining("indicators[0].value");

        reports.submit(enterprise, UUID.fromString(reportId), submission("71.5"));
        JsonNode suspended = decide("SUSPEND", "固废综合利用率较申报值明显下降，限期三个月整改", HttpStatus.OK);
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("registryUpdate").get("action").asString()).isEqualTo("SUSPEND");
        awaitRegistry(ListingStatus.SUSPENDED);
        assertThat(listing().getStatusReason()).contains("限期三个月整改");
        // the registry is told who decided, to record beside this service
        assertThat(io.greenportal.platform.registryfake.RegistryFake.shared().statusChangeRequests().stream()
                .filter(r -> r.getListingId().equals(listingId.toString())).toList().getLast().getActingFor())
                .isEqualTo("rev-prov");

        reports.submit(enterprise, UUID.fromString(reportId), submission("92.0"));
        JsonNode accepted = decide("ACCEPT", null, HttpStatus.OK);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("listingSuspended").asBoolean()).isFalse();
        assertThat(accepted.get("registryUpdate").get("action").asString()).isEqualTo("RESTORE");
        awaitRegistry(ListingStatus.ACTIVE);

        // the next year's report is owed now; revoking over it ends the listing
        reportId = jdbc.sql("select id::text from annual_report where listing_id = :l and year = :y")
                .param("l", listingId).param("y", accepted.get("year").asInt() + 1).query(String.class).single();
        // the next year has not begun (the listing was granted this year): it cannot be reported on yet
        assertThat(accepted.get("year").asInt()).isEqualTo(LocalDate.now(clock).getYear());
        assertThatThrownBy(() -> reports.submit(enterprise, UUID.fromString(reportId), submission("95.0")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        JsonNode revoked = decide("REVOKE", "发生较大环境污染事件，撤销称号", HttpStatus.OK);
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        awaitRegistry(ListingStatus.REVOKED);
        assertThat(decide("REVOKE", "再次撤销", HttpStatus.CONFLICT).get("currentStatus").asString()).isEqualTo("REVOKED");
    }

    @Test
    void anOverdueReportCanSuspendTheListing() {
        jdbc.sql("update annual_report set due_on = :past where id = cast(:id as uuid)")
                .param("past", LocalDate.now(clock).minusDays(1)).param("id", reportId).update();
        JsonNode overdue = Flow.json(flow.get("rev-prov", "annual-reports?overdue=true&size=200"), HttpStatus.OK);
        assertThat(overdue.get("items").valueStream().map(r -> r.get("id").asString())).contains(reportId);
        decide("SUSPEND", "年度报告逾期未报送，限期三个月整改", HttpStatus.OK);
        awaitRegistry(ListingStatus.SUSPENDED);
    }

    @Test
    void everyReportIsReachablePageByPageWithTheTotal() {
        jdbc.sql("""
                insert into annual_report (id, application_id, listing_id, uscc, city_code, year, due_on, status, created_at)
                select gen_random_uuid(), application_id, listing_id, uscc, city_code, year + 1, due_on + 365, 'DUE', created_at
                from annual_report where id = cast(:id as uuid)""").param("id", reportId).update();
        long inDatabase = jdbc.sql("select count(*) from annual_report").query(Long.class).single();

        JsonNode first = Flow.json(flow.get("rev-prov", "annual-reports?size=1"), HttpStatus.OK);
        JsonNode second = Flow.json(flow.get("rev-prov", "annual-reports?size=1&page=1"), HttpStatus.OK);
        assertThat(first.get("total").asLong()).isEqualTo(inDatabase).isGreaterThanOrEqualTo(2);
        assertThat(first.get("items")).hasSize(1);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").get(0).get("id")).isNotEqualTo(first.get("items").get(0).get("id"));
        JsonNode city = Flow.json(flow.get("rev-city", "annual-reports?size=200"), HttpStatus.OK);
        assertThat(city.get("total").asLong()).isEqualTo(jdbc.sql("select count(*) from annual_report where city_code = '640100'")
                .query(Long.class).single());

        assertThat(Flow.json(flow.get("rev-prov", "annual-reports?size=201"), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("size");
        assertThat(Flow.json(flow.get("rev-prov", "annual-reports?page=-1"), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("page");
    }

    @Test
    void onlyTheEnterpriseAndTheReviewersInScopeSeeAReportAndOnlyTheProvinceDecides() {
        String uri = "annual-reports/" + reportId;
        flow.get("rev-city", uri).expectStatus().isOk();
        flow.get("admin", uri).expectStatus().isOk();
        flow.get("rev-city2", uri).expectStatus().isNotFound();
        flow.get("ent-a", uri).expectStatus().isNotFound();
        flow.get("expert1", uri).expectStatus().isForbidden();
        flow.get("client:bank-a", uri).expectStatus().isForbidden();
        flow.get(null, uri).expectStatus().isUnauthorized();
        assertThat(Flow.json(flow.get("ent-b", "annual-reports"), HttpStatus.OK).get("items").valueStream()
                .map(r -> r.get("uscc").asString())).allMatch("91640200MA76B00020"::equals);
        assertThat(Flow.json(flow.get("rev-city2", "annual-reports"), HttpStatus.OK).get("items").valueStream()
                .map(r -> r.get("id").asString())).doesNotContain(reportId);

        var submission = Map.of("indicators", List.of(Map.of("code", "WATER_REUSE_RATE", "value", "90", "unit", "%")));
        flow.post("ent-a", uri + "/submission", submission).expectStatus().isNotFound();
        flow.post("rev-prov", uri + "/submission", submission).expectStatus().isForbidden();
        var suspend = Map.of("action", "SUSPEND", "reason", "理由");
        flow.post("rev-city", uri + "/decision", suspend).expectStatus().isForbidden();
        flow.post("ent-a", uri + "/decision", suspend).expectStatus().isForbidden();
        flow.post("admin", uri + "/decision", suspend).expectStatus().isForbidden();
        flow.post("rev-prov", uri + "/decision", Map.of("action", "DELETE", "reason", "x")).expectStatus().isBadRequest();
        flow.post("rev-prov", "annual-reports/" + UUID.randomUUID() + "/decision", suspend).expectStatus().isNotFound();
        assertThat(listing().getStatus()).isEqualTo(ListingStatus.ACTIVE);
    }

    @Test
    void aChangeTheRegistryRefusesIsShownAsRefused() {
        reports.submit(enterprise, UUID.fromString(reportId), submission("75"));
        // revoked in the registry directly (by an administrator there): a suspension can no longer apply
        registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(listingId.toString())
                .setAction(StatusAction.REVOKE).setReason("注销企业，撤销称号").build());

        JsonNode decided = decide("SUSPEND", "整改", HttpStatus.OK);
        assertThat(decided.get("status").asString()).isEqualTo("SUSPENDED");
        JsonNode update = await().atMost(Duration.ofSeconds(15)).until(() -> report().get("registryUpdate"),
                u -> u.get("status").asString().equals("REFUSED"));
        assertThat(update.get("lastError").asString()).contains("REVOKED");
        assertThat(listing().getStatus()).isEqualTo(ListingStatus.REVOKED);
    }

    JsonNode report() {
        return Flow.json(flow.get("rev-prov", "annual-reports/" + reportId), HttpStatus.OK);
    }

    /** Waits until the registry shows the listing in this status and the report shows its update DONE. */
    void awaitRegistry(ListingStatus status) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(listing().getStatus()).isEqualTo(status);
            assertThat(report().get("registryUpdate").get("status").asString()).isEqualTo("DONE");
        });
    }
}
