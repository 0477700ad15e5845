package io.greenportal.incentive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.incentive.support.Api;
import io.greenportal.incentive.support.IntegrationTest;
import io.greenportal.incentive.support.Registry;
import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** Green-credit referrals from the demo enterprises to the two participating banks (bank-a NXBANK, bank-b HHRCB). */
@IntegrationTest
class CreditReferralTest {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeAll
    static void entAHoldsAnActiveListing() {
        Registry.entA("factory-2025", ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025);
    }

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    static Map<String, Object> request(String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("termMonths", 36);
        body.put("purpose", "余热余压利用节能技术改造项目贷款");
        body.put("projectReference", "宁工信技改〔2026〕12号");
        return body;
    }

    JsonNode ask(Map<String, Object> body) {
        return Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", body), HttpStatus.CREATED);
    }

    List<String> queue(String bank) {
        return Api.json(api.get(Tokens.client(bank), "/credit-referrals?size=200"), HttpStatus.OK).get("items")
                .valueStream().map(r -> r.get("id").asString()).toList();
    }

    @Test
    void anIdempotencyKeyRetriesTheSameReferralAndRefusesAnotherOne() {
        String key = "referral-" + java.util.UUID.randomUUID();
        String first = Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", request("100000.00"), key),
                HttpStatus.CREATED).get("id").asString();
        assertThat(Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", request("100000.00"), key), HttpStatus.OK)
                .get("id").asString()).isEqualTo(first);
        // a corrected amount under the same key is a new request: answered 422, never the old referral
        JsonNode reused = Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", request("999999.00"), key),
                HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(reused.get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(new java.math.BigDecimal(Api.json(api.get(Tokens.user("ent-a"), "/credit-referrals/" + first), HttpStatus.OK)
                .get("amount").asString())).isEqualByComparingTo("100000");
    }

    @Test
    void listsArePagedNewestFirst() {
        List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            asked.add(0, ask(request("100000.00")).get("id").asString());
        }
        JsonNode first = Api.json(api.get(Tokens.user("ent-a"), "/credit-referrals?size=2"), HttpStatus.OK);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(first.get("items").valueStream().map(r -> r.get("id").asString())).containsExactly(asked.get(0), asked.get(1));
        JsonNode second = Api.json(api.get(Tokens.user("ent-a"), "/credit-referrals?size=2&page=1"), HttpStatus.OK);
        assertThat(second.get("items").get(0).get("id").asString()).isEqualTo(asked.get(2));
        for (String bad : List.of("size=0", "size=201", "page=-1", "size=abc")) {
            JsonNode problem = Api.json(api.get(Tokens.user("ent-a"), "/credit-referrals?" + bad), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(bad).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void aReferralIsTakenByTheFirstBankDecidedAndDisbursed() {
        JsonNode referral = ask(request("5000000.00"));
        String id = referral.get("id").asString();
        String path = "/credit-referrals/" + id;
        assertThat(referral.get("status").asString()).isEqualTo("OPEN");
        assertThat(referral.get("uscc").asString()).isEqualTo(Registry.ENT_A);
        assertThat(referral.get("listing").get("certificateNumber").asString()).isNotBlank();
        assertThat(queue("bank-a")).contains(id);
        assertThat(queue("bank-b")).contains(id);
        // in the bank's queue but not yet taken: deciding or reporting a disbursement says so
        JsonNode early = Api.json(api.post(Tokens.client("bank-a"), path + "/decision",
                Map.of("outcome", "DECLINED", "reason", "x")), HttpStatus.CONFLICT);
        assertThat(early.get("currentState").asString()).isEqualTo("OPEN");
        assertThat(early.get("detail").asString()).contains("Accept the referral first");
        Api.json(api.post(Tokens.client("bank-b"), path + "/disbursement", Map.of("amount", "1.00", "disbursedOn", TODAY)),
                HttpStatus.CONFLICT);

        JsonNode accepted = Api.json(api.post(Tokens.client("bank-a"), path + "/acceptance", null), HttpStatus.OK);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("bankId").asString()).isEqualTo("NXBANK");
        assertThat(accepted.get("responseTimes").get("toAcceptSeconds").asLong()).isGreaterThanOrEqualTo(0);

        // gone from the other bank's queue; it can neither take, read, decide nor disburse it
        assertThat(queue("bank-b")).doesNotContain(id);
        // a late acceptance is the 404 its read is: it tells nothing of what becomes of another bank's referral
        api.post(Tokens.client("bank-b"), path + "/acceptance", null).expectStatus().isNotFound();
        api.get(Tokens.client("bank-b"), path).expectStatus().isNotFound();
        api.post(Tokens.client("bank-b"), path + "/decision", Map.of("outcome", "DECLINED", "reason", "x"))
                .expectStatus().isNotFound();
        api.post(Tokens.client("bank-b"), path + "/disbursement", Map.of("amount", "1.00", "disbursedOn", TODAY))
                .expectStatus().isNotFound();
        api.post(Tokens.client("bank-a"), path + "/disbursement", Map.of("amount", "1.00", "disbursedOn", TODAY))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);

        JsonNode approved = Api.json(api.post(Tokens.client("bank-a"), path + "/decision",
                Map.of("outcome", "APPROVED", "approvedAmount", "4000000.00", "annualRatePercent", "3.45",
                        "termMonths", 36)), HttpStatus.OK);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("decision").get("annualRatePercent").decimalValue()).isEqualByComparingTo("3.45");
        assertThat(approved.get("responseTimes").get("toDecisionSeconds").asLong()).isGreaterThanOrEqualTo(0);

        JsonNode seen = Api.json(api.get(Tokens.user("ent-a"), path), HttpStatus.OK);
        assertThat(seen.get("status").asString()).isEqualTo("APPROVED");
        // nor can the other bank learn of the decision by trying to accept
        api.post(Tokens.client("bank-b"), path + "/acceptance", null).expectStatus().isNotFound();
        assertThat(seen.get("decision").get("approvedAmount").decimalValue()).isEqualByComparingTo("4000000.00");

        JsonNode overdrawn = Api.json(api.post(Tokens.client("bank-a"), path + "/disbursement",
                Map.of("amount", "4000000.01", "disbursedOn", TODAY)), HttpStatus.BAD_REQUEST);
        assertThat(overdrawn.get("field").asString()).isEqualTo("amount");
        api.post(Tokens.client("bank-a"), path + "/disbursement",
                Map.of("amount", "1.00", "disbursedOn", LocalDate.parse(TODAY).plusDays(1).toString())).expectStatus().isBadRequest();
        JsonNode disbursed = Api.json(api.post(Tokens.client("bank-a"), path + "/disbursement",
                Map.of("amount", "4000000.00", "disbursedOn", TODAY, "loanReference", "NX-GL-2026-0031")), HttpStatus.OK);
        assertThat(disbursed.get("status").asString()).isEqualTo("DISBURSED");
        assertThat(Api.json(api.get(Tokens.user("ent-a"), path), HttpStatus.OK).get("disbursement").get("loanReference")
                .asString()).isEqualTo("NX-GL-2026-0031");
        assertThat(queue("bank-a")).contains(id);

        JsonNode times = Api.json(api.get(Tokens.user("admin"), "/credit-referrals/response-times"), HttpStatus.OK);
        assertThat(times.valueStream().map(t -> t.get("bankId").asString())).contains("NXBANK");
        api.get(Tokens.client("bank-a"), "/credit-referrals/response-times").expectStatus().isForbidden();
    }

    @Test
    void whenTwoBanksAcceptAtTheSameMomentExactlyOneHoldsTheReferral() throws Exception {
        String path = "/credit-referrals/" + ask(request("800000.00")).get("id").asString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (String bank : List.of("bank-a", "bank-b")) {
                String token = Tokens.client(bank);
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return rest.post().uri(Api.BASE + path + "/acceptance").header("Authorization", "Bearer " + token)
                            .exchange().returnResult(String.class).getStatus().value();
                }));
            }
            start.countDown();
            assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get())).containsExactlyInAnyOrder(200, 404);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aReferralAddressedToOneBankIsInvisibleToTheOther() {
        Map<String, Object> body = request("2000000.00");
        body.put("bankId", "HHRCB");
        String id = ask(body).get("id").asString();
        assertThat(queue("bank-a")).doesNotContain(id);
        api.get(Tokens.client("bank-a"), "/credit-referrals/" + id).expectStatus().isNotFound();
        api.post(Tokens.client("bank-a"), "/credit-referrals/" + id + "/acceptance", null).expectStatus().isNotFound();
        api.post(Tokens.client("bank-a"), "/credit-referrals/" + id + "/decision", Map.of("outcome", "DECLINED", "reason", "x"))
                .expectStatus().isNotFound();
        assertThat(queue("bank-b")).contains(id);

        Api.json(api.post(Tokens.client("bank-b"), "/credit-referrals/" + id + "/acceptance", null), HttpStatus.OK);
        api.post(Tokens.client("bank-b"), "/credit-referrals/" + id + "/decision", Map.of("outcome", "DECLINED"))
                .expectStatus().isBadRequest();
        JsonNode declined = Api.json(api.post(Tokens.client("bank-b"), "/credit-referrals/" + id + "/decision",
                Map.of("outcome", "DECLINED", "reason", "项目资本金比例不足")), HttpStatus.OK);
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("decision").get("declineReason").asString()).isEqualTo("项目资本金比例不足");
        api.post(Tokens.client("bank-b"), "/credit-referrals/" + id + "/disbursement",
                Map.of("amount", "1.00", "disbursedOn", TODAY)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anEnterpriseWithoutAnActiveListingIsToldWhyAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from credit_referral").query(Long.class).single();
        JsonNode problem = Api.json(api.post(Tokens.user("ent-b"), "/credit-referrals", request("1000000.00")),
                HttpStatus.CONFLICT);
        assertThat(problem.get("type").asString()).endsWith("/no-active-listing");
        assertThat(problem.get("detail").asString()).contains("SUSPENDED");
        assertThat(problem.get("listings").get(0).get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(jdbc.sql("select count(*) from credit_referral").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void badRequestsAndDecisionsAreRefusedNamingTheField() {
        long before = jdbc.sql("select count(*) from credit_referral").query(Long.class).single();
        Map<String, String> cases = Map.of("amount", "-1", "termMonths", "361", "purpose", " ", "bankId", "ICBC");
        cases.forEach((field, value) -> {
            Map<String, Object> body = request("1000000.00");
            body.put(field, value);
            JsonNode problem = Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", body), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(field).isEqualTo(field);
        });
        for (String amount : List.of("0", "0.001", "100000000000.01")) {
            api.post(Tokens.user("ent-a"), "/credit-referrals", request(amount)).expectStatus().isBadRequest();
        }
        Map<String, Object> noTerm = request("1.00");
        noTerm.remove("termMonths");
        api.post(Tokens.user("ent-a"), "/credit-referrals", noTerm).expectStatus().isBadRequest();
        api.post(Tokens.user("ent-a"), "/credit-referrals", "{\"amount\": ").expectStatus().isBadRequest();
        assertThat(jdbc.sql("select count(*) from credit_referral").query(Long.class).single()).isEqualTo(before);

        String path = "/credit-referrals/" + ask(request("1000000.00")).get("id").asString();
        // a bank that does not hold it yet cannot decide it: 409, it is still OPEN
        api.post(Tokens.client("bank-a"), path + "/decision", Map.of("outcome", "APPROVED", "approvedAmount", "1.00",
                "annualRatePercent", "3.1")).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        Api.json(api.post(Tokens.client("bank-a"), path + "/acceptance", null), HttpStatus.OK);
        Api.json(api.post(Tokens.client("bank-a"), path + "/acceptance", null), HttpStatus.OK); // harmless repeat
        for (Map<String, Object> decision : List.<Map<String, Object>>of(
                Map.of("outcome", "APPROVED", "approvedAmount", "1000000.01", "annualRatePercent", "3.1"),
                Map.of("outcome", "APPROVED", "approvedAmount", "900000.00", "annualRatePercent", "0"),
                Map.of("outcome", "APPROVED", "approvedAmount", "900000.00", "annualRatePercent", "36"),
                Map.of("outcome", "APPROVED", "approvedAmount", "900000.00"),
                Map.of("outcome", "APPROVED", "approvedAmount", "900000.00", "annualRatePercent", "3.1", "termMonths", 0),
                Map.of("outcome", "MAYBE"),
                Map.of())) {
            api.post(Tokens.client("bank-a"), path + "/decision", decision).expectStatus().isBadRequest();
        }
        assertThat(Api.json(api.get(Tokens.client("bank-a"), path), HttpStatus.OK).get("status").asString())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void fractionalMonthsAndScientificAmountsAreRefusedNotRounded() {
        long before = jdbc.sql("select count(*) from credit_referral").query(Long.class).single();
        for (String body : List.of("{\"amount\":5000000,\"termMonths\":12.9,\"purpose\":\"x\"}",
                "{\"amount\":5000000,\"termMonths\":12.0,\"purpose\":\"x\"}",
                "{\"amount\":5000000,\"termMonths\":\"12.9\",\"purpose\":\"x\"}")) {
            JsonNode problem = Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", body), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(body).isEqualTo("termMonths");
            assertThat(problem.get("detail").asString()).as(body).contains("whole number");
        }
        for (String body : List.of("{\"amount\":\"1e3\",\"termMonths\":12,\"purpose\":\"x\"}",
                "{\"amount\":5E6,\"termMonths\":12,\"purpose\":\"x\"}")) {
            JsonNode problem = Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", body), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(body).isEqualTo("amount");
        }
        assertThat(jdbc.sql("select count(*) from credit_referral").query(Long.class).single()).isEqualTo(before);

        String path = "/credit-referrals/" + ask(request("1000000.00")).get("id").asString();
        Api.json(api.post(Tokens.client("bank-a"), path + "/acceptance", null), HttpStatus.OK);
        Map<String, String> decisions = Map.of(
                "termMonths", "{\"outcome\":\"APPROVED\",\"approvedAmount\":\"900000.00\",\"annualRatePercent\":3.1,\"termMonths\":12.9}",
                "approvedAmount", "{\"outcome\":\"APPROVED\",\"approvedAmount\":9e5,\"annualRatePercent\":3.1}",
                "annualRatePercent", "{\"outcome\":\"APPROVED\",\"approvedAmount\":\"900000.00\",\"annualRatePercent\":\"3.1e0\"}");
        decisions.forEach((field, body) -> {
            JsonNode problem = Api.json(api.post(Tokens.client("bank-a"), path + "/decision", body), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(body).isEqualTo(field);
        });
        Api.json(api.post(Tokens.client("bank-a"), path + "/decision", Map.of("outcome", "APPROVED",
                "approvedAmount", "900000.00", "annualRatePercent", "3.1")), HttpStatus.OK);
        JsonNode disbursement = Api.json(api.post(Tokens.client("bank-a"), path + "/disbursement",
                "{\"amount\":\"9E+5\",\"disbursedOn\":\"" + TODAY + "\"}"), HttpStatus.BAD_REQUEST);
        assertThat(disbursement.get("field").asString()).isEqualTo("amount");
        JsonNode referral = Api.json(api.get(Tokens.client("bank-a"), path), HttpStatus.OK);
        assertThat(referral.get("status").asString()).isEqualTo("APPROVED");
        assertThat(referral.get("decision").get("termMonths").asInt()).isEqualTo(36);
    }

    @Test
    void valuesThatWereSentButAreWrongSayWhatIsWrongNotThatTheyAreMissing() {
        for (Object term : List.of(361, 0)) {
            Map<String, Object> body = request("1000000.00");
            body.put("termMonths", term);
            JsonNode problem = Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", body), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("detail").asString()).contains("termMonths: must be 1 to 360 months")
                    .doesNotContain("is required");
        }
        Map<String, Object> noTerm = request("1000000.00");
        noTerm.remove("termMonths");
        assertThat(Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", noTerm), HttpStatus.BAD_REQUEST)
                .get("detail").asString()).contains("termMonths: is required");

        String path = "/credit-referrals/" + ask(request("1000000.00")).get("id").asString();
        Api.json(api.post(Tokens.client("bank-a"), path + "/acceptance", null), HttpStatus.OK);
        for (String rate : List.of("0", "24.00001", "3.12345", "-1")) {
            JsonNode problem = Api.json(api.post(Tokens.client("bank-a"), path + "/decision", Map.of("outcome", "APPROVED",
                    "approvedAmount", "900000.00", "annualRatePercent", rate)), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).isEqualTo("annualRatePercent");
            assertThat(problem.get("detail").asString()).as(rate).doesNotContain("is required");
        }
        assertThat(Api.json(api.post(Tokens.client("bank-a"), path + "/decision", Map.of("outcome", "APPROVED",
                "approvedAmount", "900000.00")), HttpStatus.BAD_REQUEST).get("detail").asString())
                .contains("annualRatePercent: is required");
        for (String outcome : List.of("approve", "MAYBE", "approved")) {
            JsonNode problem = Api.json(api.post(Tokens.client("bank-a"), path + "/decision", Map.of("outcome", outcome)),
                    HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).isEqualTo("outcome");
            assertThat(problem.get("detail").asString()).contains(outcome).contains("APPROVED or DECLINED");
        }
        // a status filter that is not a status names the allowed ones (case-sensitive, as documented)
        JsonNode status = Api.json(api.get(Tokens.client("bank-a"), "/credit-referrals?status=open"), HttpStatus.BAD_REQUEST);
        assertThat(status.get("field").asString()).isEqualTo("status");
        assertThat(status.get("detail").asString()).contains("OPEN, ACCEPTED, APPROVED, DECLINED, DISBURSED, WITHDRAWN");
        assertThat(Api.json(api.get(Tokens.client("bank-a"), path), HttpStatus.OK).get("status").asString())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void aBankListsSeveralQueuesAtOnce() {
        String open = ask(request("200000.00")).get("id").asString();
        String accepted = ask(request("250000.00")).get("id").asString();
        Api.json(api.post(Tokens.client("bank-a"), "/credit-referrals/" + accepted + "/acceptance", null), HttpStatus.OK);

        java.util.function.Function<String, List<String>> ids = query -> {
            List<String> found = new java.util.ArrayList<>();
            Api.json(api.get(Tokens.client("bank-a"), "/credit-referrals?size=100&" + query), HttpStatus.OK).get("items")
                    .forEach(item -> found.add(item.get("id").asString()));
            return found;
        };
        assertThat(ids.apply("status=OPEN,ACCEPTED")).contains(open, accepted);
        assertThat(ids.apply("status=OPEN&status=ACCEPTED")).contains(open, accepted);
        assertThat(ids.apply("status=OPEN")).contains(open).doesNotContain(accepted);
        assertThat(ids.apply("status=ACCEPTED")).contains(accepted).doesNotContain(open);
        assertThat(ids.apply("status=DISBURSED,WITHDRAWN")).doesNotContain(open, accepted);
    }

    @Test
    void everyoneSeesOnlyWhatTheirRoleAllows() {
        String id = ask(request("300000.00")).get("id").asString();
        String path = "/credit-referrals/" + id;
        api.get(null, "/credit-referrals").expectStatus().isUnauthorized();
        api.get(Tokens.foreignRealm(), "/credit-referrals").expectStatus().isUnauthorized();
        api.post(null, "/credit-referrals", request("1.00")).expectStatus().isUnauthorized();
        api.post(Tokens.client("bank-a"), "/credit-referrals", request("1.00")).expectStatus().isForbidden();
        api.post(Tokens.user("rev-prov"), "/credit-referrals", request("1.00")).expectStatus().isForbidden();
        api.post(Tokens.user("ent-a"), path + "/acceptance", null).expectStatus().isForbidden();
        api.post(Tokens.user("admin"), path + "/acceptance", null).expectStatus().isForbidden();
        api.post(Tokens.client("bank-a"), path + "/withdrawal", null).expectStatus().isForbidden();
        api.get(Tokens.user("rev-prov"), "/credit-referrals").expectStatus().isForbidden();
        api.get(Tokens.user("ent-b"), path).expectStatus().isNotFound();
        api.post(Tokens.user("ent-b"), path + "/withdrawal", null).expectStatus().isNotFound();
        assertThat(Api.json(api.get(Tokens.user("ent-b"), "/credit-referrals?size=200"), HttpStatus.OK).get("items").valueStream()
                .map(r -> r.get("id").asString())).doesNotContain(id);
        assertThat(Api.json(api.get(Tokens.user("admin"), "/credit-referrals?size=200"), HttpStatus.OK).get("items").valueStream()
                .map(r -> r.get("id").asString())).contains(id);
        api.get(Tokens.user("admin"), "/credit-referrals/" + UUID.randomUUID()).expectStatus().isNotFound();

        JsonNode withdrawn = Api.json(api.post(Tokens.user("ent-a"), path + "/withdrawal", null), HttpStatus.OK);
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(queue("bank-a")).doesNotContain(id);
        JsonNode late = Api.json(api.post(Tokens.client("bank-a"), path + "/acceptance", null), HttpStatus.CONFLICT);
        assertThat(late.get("currentState").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyIsOneReferral() {
        String key = UUID.randomUUID().toString();
        JsonNode first = Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", request("700000.00"), key),
                HttpStatus.CREATED);
        JsonNode retry = Api.json(api.post(Tokens.user("ent-a"), "/credit-referrals", request("700000.00"), key),
                HttpStatus.OK);
        assertThat(retry.get("id").asString()).isEqualTo(first.get("id").asString());
        rest.post().uri(Api.BASE + "/credit-referrals").header("Authorization", "Bearer " + Tokens.user("ent-a"))
                .contentType(MediaType.TEXT_PLAIN).body("amount=1").exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
}
