package io.greenportal.incentive.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.incentive.support.Api;
import io.greenportal.incentive.support.IntegrationTest;
import io.greenportal.incentive.support.Programs;
import io.greenportal.incentive.support.Registry;
import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Award applications by the demo enterprise ent-a with its own test listings in the real registry
 * (created once, reused by every run), checked against the registry at application and approval.
 */
@IntegrationTest
class SubsidyApplicationTest {

    static Listing factory;
    static Listing product;

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeAll
    static void listings() {
        factory = Registry.entA("factory-2025", ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025);
        product = Registry.entA("product-2025", ListingType.GREEN_PRODUCT, Level.PROVINCIAL, 2025);
        if (product.getStatus() == ListingStatus.SUSPENDED) { // a run that stopped half-way
            product = Registry.changeStatus(product.getId(), StatusAction.RESTORE, "测试恢复");
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    JsonNode apply(String user, String programId, String listingId) {
        return Api.json(api.post(Tokens.user(user), "/subsidy-applications",
                Map.of("programId", programId, "listingId", listingId)), HttpStatus.CREATED);
    }

    JsonNode program(String id) {
        return Api.json(api.get(Tokens.user("admin"), "/programs/" + id), HttpStatus.OK);
    }

    @Test
    void anAwardIsProposedFromTheTableApprovedDisbursedAndPaidOnlyOncePerListing() {
        String programId = Programs.create(api, Programs.award("2000000.00")).get("id").asString();

        JsonNode application = apply("ent-a", programId, factory.getId());
        assertThat(application.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(application.get("proposedAmount").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(application.get("listing").get("certificateNumber").asString()).isEqualTo(factory.getCertificateNumber());
        assertThat(application.get("cityCode").asString()).isEqualTo("640100");
        String id = application.get("id").asString();

        // the same listing cannot hold a second award, in this program or another award program
        JsonNode again = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", programId, "listingId", factory.getId())), HttpStatus.CONFLICT);
        assertThat(again.get("type").asString()).endsWith("/already-awarded");
        String other = Programs.create(api, Programs.award("2000000.00")).get("id").asString();
        api.post(Tokens.user("ent-a"), "/subsidy-applications", Map.of("programId", other, "listingId", factory.getId()))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);

        JsonNode approved = Api.json(api.post(Tokens.user("rev-prov"), "/subsidy-applications/" + id + "/approval",
                Map.of("amount", "500000.00", "comment", "符合省级绿色工厂奖励条件")), HttpStatus.OK);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedAmount").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(approved.get("decidedBy").asString()).isEqualTo("rev-prov");
        assertThat(program(programId).get("committed").decimalValue()).isEqualByComparingTo("500000.00");

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // without the payment document's number it is not recorded: it could never be added afterwards
        JsonNode unreferenced = Api.json(api.post(Tokens.user("admin"), "/subsidy-applications/" + id + "/disbursement",
                Map.of("disbursedOn", today)), HttpStatus.BAD_REQUEST);
        assertThat(unreferenced.get("field").asString()).isEqualTo("reference");
        assertThat(Api.json(api.get(Tokens.user("ent-a"), "/subsidy-applications/" + id), HttpStatus.OK)
                .get("status").asString()).isEqualTo("APPROVED");
        JsonNode disbursed = Api.json(api.post(Tokens.user("admin"), "/subsidy-applications/" + id + "/disbursement",
                Map.of("disbursedOn", today, "reference", "宁财建〔2026〕88号")), HttpStatus.OK);
        assertThat(disbursed.get("status").asString()).isEqualTo("DISBURSED");
        assertThat(disbursed.get("disbursement").get("amount").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(program(programId).get("disbursed").decimalValue()).isEqualByComparingTo("500000.00");

        JsonNode seen = Api.json(api.get(Tokens.user("ent-a"), "/subsidy-applications/" + id), HttpStatus.OK);
        assertThat(seen.get("history").valueStream().map(e -> e.get("action").asString()))
                .containsExactly("SUBMIT", "APPROVE", "DISBURSE");
        api.post(Tokens.user("admin"), "/subsidy-applications/" + id + "/disbursement",
                Map.of("disbursedOn", today, "reference", "宁财建〔2026〕89号")).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aListingThatDoesNotQualifyIsRefusedWithTheReasonsAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from subsidy_application").query(Long.class).single();

        Map<String, Object> national = new HashMap<>(Programs.award("1000000.00"));
        national.put("eligibility", Map.of("levels", List.of("NATIONAL"), "years", List.of(2023),
                "regions", List.of("640200")));
        national.put("amountRule", Map.of("awards", List.of(Map.of("type", "GREEN_FACTORY", "level", "NATIONAL", "amount", "1000000.00"))));
        String programId = Programs.create(api, national).get("id").asString();
        JsonNode problem = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", programId, "listingId", factory.getId())), HttpStatus.CONFLICT);
        assertThat(problem.get("type").asString()).endsWith("/not-eligible");
        assertThat(problem.get("reasons").valueStream().map(JsonNode::asString).toList())
                .anySatisfy(r -> assertThat(r).contains("PROVINCIAL").contains("NATIONAL"))
                .anySatisfy(r -> assertThat(r).contains("2025").contains("2023"))
                .anySatisfy(r -> assertThat(r).contains("640106").contains("640200"))
                .anySatisfy(r -> assertThat(r).contains("no award"));

        // ent-b's listing is not ent-a's to apply with; an unknown listing is not in the registry
        String award = Programs.create(api, Programs.award("1000000.00")).get("id").asString();
        String entBListing = Registry.lookup(Registry.ENT_B).getListings(0).getId();
        JsonNode notOwn = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", award, "listingId", entBListing)), HttpStatus.BAD_REQUEST);
        assertThat(notOwn.get("field").asString()).isEqualTo("listingId");
        api.post(Tokens.user("ent-a"), "/subsidy-applications", Map.of("programId", award, "listingId", UUID.randomUUID()))
                .expectStatus().isBadRequest();
        api.post(Tokens.user("ent-a"), "/subsidy-applications", Map.of("programId", UUID.randomUUID(), "listingId", factory.getId()))
                .expectStatus().isBadRequest();
        api.post(Tokens.user("ent-a"), "/subsidy-applications", Map.of("listingId", "not-a-uuid"))
                .expectStatus().isBadRequest();
        // an award program takes no project; a suspended listing (ent-b's) does not qualify
        api.post(Tokens.user("ent-a"), "/subsidy-applications", Map.of("programId", award, "listingId", factory.getId(),
                "project", Map.of("name", "x", "totalInvestment", "1"))).expectStatus().isBadRequest();
        JsonNode suspended = Api.json(api.post(Tokens.user("ent-b"), "/subsidy-applications",
                Map.of("programId", award, "listingId", entBListing)), HttpStatus.CONFLICT);
        assertThat(suspended.get("detail").asString()).contains("SUSPENDED");

        assertThat(jdbc.sql("select count(*) from subsidy_application").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void applicationsOutsideTheWindowAreRefused() {
        Map<String, Object> closed = new HashMap<>(Programs.award("1000000.00"));
        closed.put("opensAt", "2024-01-01T00:00:00+08:00");
        closed.put("closesAt", "2024-12-31T00:00:00+08:00");
        String closedId = Programs.create(api, closed).get("id").asString();
        JsonNode problem = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", closedId, "listingId", product.getId())), HttpStatus.CONFLICT);
        assertThat(problem.get("type").asString()).endsWith("/outside-application-window");
        assertThat(problem.get("closesAt").asString()).startsWith("2024-12-31");

        Map<String, Object> future = new HashMap<>(Programs.award("1000000.00"));
        future.put("opensAt", "2099-01-01T00:00:00+08:00");
        future.put("closesAt", "2099-12-31T00:00:00+08:00");
        String futureId = Programs.create(api, future).get("id").asString();
        api.post(Tokens.user("ent-a"), "/subsidy-applications", Map.of("programId", futureId, "listingId", product.getId()))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void eligibilityIsAskedOfTheRegistryAgainAtApproval() {
        String programId = Programs.create(api, Programs.award("1000000.00")).get("id").asString();
        String id = apply("ent-a", programId, product.getId()).get("id").asString();
        assertThat(program(programId).get("committed").decimalValue()).isEqualByComparingTo("0");

        Registry.changeStatus(product.getId(), StatusAction.SUSPEND, "年度报告逾期未报送，限期整改");
        try {
            JsonNode refused = Api.json(api.post(Tokens.user("rev-prov"), "/subsidy-applications/" + id + "/approval",
                    Map.of("amount", "100000.00")), HttpStatus.CONFLICT);
            assertThat(refused.get("type").asString()).endsWith("/not-eligible");
            assertThat(refused.get("detail").asString()).contains("SUSPENDED").contains("年度报告逾期未报送");
            assertThat(program(programId).get("committed").decimalValue()).isEqualByComparingTo("0");
        } finally {
            product = Registry.changeStatus(product.getId(), StatusAction.RESTORE, "已完成整改");
        }
        JsonNode approved = Api.json(api.post(Tokens.user("rev-prov"), "/subsidy-applications/" + id + "/approval",
                Map.of("amount", "80000.00")), HttpStatus.OK);
        assertThat(approved.get("approvedAmount").decimalValue()).isEqualByComparingTo("80000.00");
    }

    @Test
    void reviewersApproveOnlyWithinTheRuleAndRejectWithAReason() {
        String programId = Programs.create(api, Programs.diagnostics("1000000.00")).get("id").asString();
        String id = apply("ent-a", programId, factory.getId()).get("id").asString();
        String path = "/subsidy-applications/" + id;

        JsonNode above = Api.json(api.post(Tokens.user("rev-prov"), path + "/approval", Map.of("amount", "50000.01")),
                HttpStatus.BAD_REQUEST);
        assertThat(above.get("type").asString()).endsWith("/amount-above-rule");
        assertThat(above.get("proposedAmount").decimalValue()).isEqualByComparingTo("50000.00");
        for (Object amount : List.of("-1", "0", "0.001", "1e15", "abc")) {
            api.post(Tokens.user("rev-prov"), path + "/approval", Map.of("amount", amount)).expectStatus().isBadRequest();
        }
        api.post(Tokens.user("rev-prov"), path + "/approval", Map.of()).expectStatus().isBadRequest();
        // money is a plain decimal: scientific notation is refused, never read as 1000.00
        for (String body : List.of("{\"amount\":\"1e3\"}", "{\"amount\":\"1E+3\"}", "{\"amount\":1e3}",
                "{\"amount\":10000E-1}", "{\"amount\":\"\"}")) {
            JsonNode problem = Api.json(api.post(Tokens.user("rev-prov"), path + "/approval", body), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(body).isEqualTo("amount");
            assertThat(problem.get("detail").asString()).as(body).contains("plain decimal");
        }
        api.post(Tokens.user("rev-prov"), path + "/rejection", Map.of("reason", " ")).expectStatus().isBadRequest();
        assertThat(Api.json(api.get(Tokens.user("rev-prov"), path), HttpStatus.OK).get("status").asString())
                .isEqualTo("SUBMITTED");
        assertThat(program(programId).get("committed").decimalValue()).isEqualByComparingTo("0");

        // a second diagnostics application of the same enterprise is a conflict
        api.post(Tokens.user("ent-a"), "/subsidy-applications", Map.of("programId", programId, "listingId", product.getId()))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);

        JsonNode rejected = Api.json(api.post(Tokens.user("admin"), path + "/rejection",
                Map.of("reason", "诊断报告未附")), HttpStatus.OK);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionReason").asString()).isEqualTo("诊断报告未附");
        JsonNode late = Api.json(api.post(Tokens.user("rev-prov"), path + "/approval", Map.of("amount", "1.00")),
                HttpStatus.CONFLICT);
        assertThat(late.get("currentState").asString()).isEqualTo("REJECTED");
        // rejected: the enterprise may apply again
        apply("ent-a", programId, factory.getId());
    }

    @Test
    void enterprisesSeeOnlyTheirOwnAndMunicipalReviewersOnlyTheirCitys() {
        String programId = Programs.create(api, Programs.retrofit("100000000.00")).get("id").asString();
        JsonNode application = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", programId, "listingId", factory.getId(),
                        "project", Map.of("name", "余热回收改造", "totalInvestment", "12000000.00"))), HttpStatus.CREATED);
        String path = "/subsidy-applications/" + application.get("id").asString();

        api.get(Tokens.user("ent-b"), path).expectStatus().isNotFound();
        JsonNode entB = Api.json(api.get(Tokens.user("ent-b"), "/subsidy-applications"), HttpStatus.OK);
        assertThat(entB.get("items").valueStream().map(a -> a.get("uscc").asString())).doesNotContain(Registry.ENT_A);
        api.get(Tokens.user("rev-city"), path).expectStatus().isOk();
        api.get(Tokens.user("rev-city2"), path).expectStatus().isNotFound();
        JsonNode city2 = Api.json(api.get(Tokens.user("rev-city2"), "/subsidy-applications?programId=" + programId), HttpStatus.OK);
        assertThat(city2.get("total").asLong()).isZero();
        JsonNode city = Api.json(api.get(Tokens.user("rev-city"), "/subsidy-applications?programId=" + programId), HttpStatus.OK);
        assertThat(city.get("total").asLong()).isEqualTo(1);

        api.post(Tokens.user("rev-city"), path + "/approval", Map.of("amount", "1.00")).expectStatus().isForbidden();
        api.post(Tokens.user("ent-a"), path + "/approval", Map.of("amount", "1.00")).expectStatus().isForbidden();
        api.post(Tokens.client("bank-a"), path + "/rejection", Map.of("reason", "x")).expectStatus().isForbidden();
        api.post(Tokens.user("ent-a"), path + "/disbursement", Map.of("disbursedOn", "2026-01-01")).expectStatus().isForbidden();
        api.get(Tokens.client("bank-a"), path).expectStatus().isForbidden();
        api.get(Tokens.user("expert1"), "/subsidy-applications").expectStatus().isForbidden();
        api.get(null, path).expectStatus().isUnauthorized();
        api.post(Tokens.user("rev-prov"), "/subsidy-applications", Map.of("programId", programId, "listingId", factory.getId()))
                .expectStatus().isForbidden();
        api.post(Tokens.user("ent-b"), path + "/withdrawal", null).expectStatus().isNotFound();
        api.get(Tokens.user("admin"), "/subsidy-applications?size=0").expectStatus().isBadRequest();
        api.get(Tokens.user("admin"), "/subsidy-applications?status=PAID").expectStatus().isBadRequest();

        JsonNode withdrawn = Api.json(api.post(Tokens.user("ent-a"), path + "/withdrawal", null), HttpStatus.OK);
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode late = Api.json(api.post(Tokens.user("rev-prov"), path + "/approval", Map.of("amount", "1.00")),
                HttpStatus.CONFLICT);
        assertThat(late.get("currentState").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aRetriedApplicationWithTheSameIdempotencyKeyIsOneApplication() {
        String programId = Programs.create(api, Programs.retrofit("100000000.00")).get("id").asString();
        Map<String, Object> body = Map.of("programId", programId, "listingId", factory.getId(),
                "project", Map.of("name", "光伏发电项目", "totalInvestment", "3000000.00"));
        String key = UUID.randomUUID().toString();
        JsonNode first = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications", body, key), HttpStatus.CREATED);
        JsonNode retry = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications", body, key), HttpStatus.OK);
        assertThat(retry.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(first.get("proposedAmount").decimalValue()).isEqualByComparingTo("300000.00");
        api.post(Tokens.user("ent-a"), "/subsidy-applications", body, " ").expectStatus().isBadRequest();
    }
}
