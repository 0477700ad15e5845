package io.greenportal.certification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.certification.support.TestData;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.web.Caller;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** Drafting and submitting: the enterprise's own rules and the refusals it gets. */
@IntegrationTest
class ApplicationApiTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    Flow flow;
    String batch;

    @BeforeEach
    void setUp() {
        flow = new Flow(rest, clock);
        batch = flow.batch();
    }

    long applications() {
        return jdbc.sql("select count(*) from application").query(Long.class).single();
    }

    @Test
    void aDraftTakesTheCreditCodeFromTheTokenAndTheCityFromTheRegion() {
        JsonNode draft = Flow.json(flow.post("ent-a", "applications", TestData.factory(batch, "640106")), HttpStatus.CREATED);
        assertThat(draft.get("uscc").asString()).isEqualTo(TestData.ENT_A);
        assertThat(draft.get("cityCode").asString()).isEqualTo("640100");
        assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("indicators").get(0).get("name").asString()).isEqualTo("单位工业增加值能耗");
        assertThat(draft.get("indicators").get(0).get("value").asString()).isEqualTo("0.352");
        assertThat(draft.get("selfScore").asString()).isEqualTo("86.5");
        // the time answered at creation is the one every later read answers, to the character
        assertThat(Flow.json(flow.get("ent-a", "applications/" + draft.get("id").asString()), HttpStatus.OK).get("application")
                .get("createdAt").asString()).isEqualTo(draft.get("createdAt").asString());

        // an indicator value is a decimal like every other: a JSON number is as good as a string
        JsonNode numbers = Flow.json(flow.post("ent-a", "applications", Map.of("batchId", batch, "type", "GREEN_PRODUCT",
                "indicators", List.of(Map.of("code", "ENERGY_PER_VALUE_ADDED", "value", new java.math.BigDecimal("0.330"),
                        "unit", "tce/万元")))), HttpStatus.CREATED);
        assertThat(new java.math.BigDecimal(numbers.get("indicators").get(0).get("value").asString()))
                .isEqualByComparingTo("0.33");

        // a draft may be partial
        JsonNode partial = Flow.json(flow.post("ent-a", "applications", Map.of("batchId", batch, "type", "GREEN_PRODUCT")),
                HttpStatus.CREATED);
        String id = partial.get("id").asString();
        // ent-a is in the registry: its region is the registered one, typed or not, and its city reviews it
        assertThat(partial.get("regionCode").asString()).isEqualTo("640106");
        assertThat(partial.get("cityCode").asString()).isEqualTo("640100");
        JsonNode missing = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.BAD_REQUEST);
        assertThat(missing.get("type").asString()).endsWith("/incomplete-application");
        assertThat(missing.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("subject.productName", "selfScore", "evaluationBody", "evaluationReport")
                .doesNotContain("enterpriseName", "regionCode");
        assertThat(flow.application("ent-a", id).get("state").asString()).isEqualTo("DRAFT");
    }

    @Test
    void anEnterpriseTheRegistryKnowsAppliesInTheCityItIsRegisteredIn() {
        // ent-a is registered in 银川 (640106): placed in 惠农区 (石嘴山, 640205) it would have gone to
        // 石嘴山's reviewers, and its listing would have been 银川's all the same
        long before = applications();
        JsonNode refused = Flow.json(flow.post("ent-a", "applications", TestData.factory(batch, "640205")),
                HttpStatus.BAD_REQUEST);
        assertThat(refused.get("field").asString()).isEqualTo("regionCode");
        assertThat(refused.get("detail").asString()).contains("640100").contains("640200");
        assertThat(applications()).isEqualTo(before);
        String id = Flow.json(flow.post("ent-a", "applications", TestData.factory(batch, "640106")), HttpStatus.CREATED)
                .get("id").asString();
        assertThat(Flow.json(flow.put("ent-a", "applications/" + id, TestData.factory(batch, "640205")),
                HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("regionCode");
        assertThat(flow.application("ent-a", id).get("regionCode").asString()).isEqualTo("640106");
        flow.get("rev-city2", "applications/" + id).expectStatus().isNotFound();

        // another county of its own city is its own city's to review, and takes the registered county,
        // which the listing will carry: the notice and the listing name one region
        assertThat(Flow.json(flow.put("ent-a", "applications/" + id, TestData.factory(batch, "640105")), HttpStatus.OK)
                .get("regionCode").asString()).isEqualTo("640106");
        JsonNode other = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.BAD_REQUEST);
        assertThat(other.get("type").asString()).as("past the city check: only the evaluation is missing")
                .endsWith("/incomplete-application");
    }

    static String registryName(String uscc) {
        var channel = Grpc.channel(io.greenportal.certification.support.TestData.registryGrpcPort());
        try {
            var registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("certification-service"));
            var found = registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).build());
            assertThat(found.getFound()).as("the registry knows " + uscc).isTrue();
            return found.getEnterprise().getName();
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void fromItsFirstSaveAKnownEnterprisesApplicationCarriesTheNameTheRegistryHolds() {
        String registered = registryName(TestData.ENT_A);
        // ent-b typing ent-a's registered name: its draft still carries its own (an evaluator sees no other firm's name)
        var posing = new java.util.LinkedHashMap<>(TestData.factory(batch, "640205"));
        posing.put("enterpriseName", registered);
        String posed = Flow.json(flow.post("ent-b", "applications", posing), HttpStatus.CREATED).get("id").asString();
        assertThat(flow.application("ent-b", posed).get("enterpriseName").asString()).isEqualTo(registryName(TestData.ENT_B));
        // nor a region in another city than the one it is registered in (whose reviewers would see it)
        var elsewhere = new java.util.LinkedHashMap<>(TestData.factory(batch, "640106"));
        assertThat(Flow.json(flow.post("ent-b", "applications", elsewhere), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("regionCode");
        assertThat(Flow.json(flow.put("ent-b", "applications/" + posed, elsewhere), HttpStatus.BAD_REQUEST)
                .get("field").asString()).isEqualTo("regionCode");

        var body = new java.util.LinkedHashMap<>(TestData.factory(batch, "640106"));
        body.put("enterpriseName", "测试企业");
        body.put("industryCode", "C30"); // the registry holds ent-a as C26, and the listing will say so
        String id = Flow.json(flow.post("ent-a", "applications", body), HttpStatus.CREATED).get("id").asString();
        assertThat(flow.application("ent-a", id).get("enterpriseName").asString()).isEqualTo(registered);
        assertThat(flow.application("ent-a", id).get("industryCode").asString())
                .as("the notice shows the industry the listing will carry").isEqualTo("C26");
        assertThat(Flow.json(flow.put("ent-a", "applications/" + id, body), HttpStatus.OK).get("enterpriseName").asString())
                .isEqualTo(registered);
        flow.evaluated("ent-a", id);

        JsonNode submitted = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", Map.of()), HttpStatus.OK);
        assertThat(submitted.get("enterpriseName").asString()).isEqualTo(registered).isNotEqualTo("测试企业");
        assertThat(flow.application("rev-city", id).get("enterpriseName").asString()).isEqualTo(registered);
    }

    @Test
    void aDesignationTheEnterpriseHoldsIsNotAppliedForAgain() {
        // ent-a holds a provincial green factory for 宁夏绿源新材料生产基地 (the registry's demo accounts)
        var held = new java.util.LinkedHashMap<>(TestData.factory(batch, "640106"));
        held.put("subject", Map.of("siteName", " 宁夏绿源新材料生产基地 ", "evaluationStandard", "GB/T 36132-2018 绿色工厂评价通则"));
        JsonNode refused = Flow.json(flow.post("ent-a", "applications", held), HttpStatus.CONFLICT);
        assertThat(refused.get("type").asString()).endsWith("/already-designated");
        assertThat(refused.get("field").asString()).isEqualTo("subject");
        assertThat(refused.get("certificateNumber").asString()).startsWith("GF-640000-2024-");
        // so does ent-b, suspended: it rectifies under the designation it has
        var suspended = new java.util.LinkedHashMap<>(TestData.factory(batch, "640205"));
        suspended.put("subject", Map.of("siteName", "石嘴山塞上精细化工生产基地"));
        assertThat(Flow.json(flow.post("ent-b", "applications", suspended), HttpStatus.CONFLICT).get("type").asString())
                .endsWith("/already-designated");

        // a draft of another site may not be edited into the held one either
        String other = flow.draft("ent-a", batch, "640106");
        flow.put("ent-a", "applications/" + other, held).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(flow.application("ent-a", other).get("subject").get("siteName").asString()).startsWith("宁东生产基地（");
    }

    @Test
    void oneDesignationIsAppliedForOnceAtATime() {
        var body = TestData.factory(batch, "640106");
        String first = Flow.json(flow.post("ent-a", "applications", body), HttpStatus.CREATED).get("id").asString();
        String second = Flow.json(flow.post("ent-a", "applications", body), HttpStatus.CREATED).get("id").asString();
        flow.evaluated("ent-a", first);
        flow.evaluated("ent-a", second);
        Flow.json(flow.post("ent-a", "applications/" + first + "/submit", Map.of()), HttpStatus.OK);

        JsonNode refused = Flow.json(flow.post("ent-a", "applications/" + second + "/submit", Map.of()), HttpStatus.CONFLICT);
        assertThat(refused.get("type").asString()).endsWith("/already-applied");
        assertThat(refused.get("applicationId").asString()).isEqualTo(first);
        assertThat(flow.application("ent-a", second).get("state").asString()).isEqualTo("DRAFT");

        // once the first is withdrawn, the second goes in
        Flow.json(flow.post("ent-a", "applications/" + first + "/withdraw", null), HttpStatus.OK);
        Flow.json(flow.post("ent-a", "applications/" + second + "/submit", Map.of()), HttpStatus.OK);
    }

    @Test
    void anEnterpriseTheRegistryDoesNotKnowKeepsTheNameItTyped() {
        Caller enterprise = ServiceFlow.newEnterprise();
        ServiceFlow services = new ServiceFlow(context);
        UUID id = services.inPublicity(enterprise, services.batch());
        assertThat(services.get(id).enterpriseName()).isEqualTo("宁夏测试" + enterprise.uscc().substring(10, 16) + "新材料有限公司");
    }

    @Test
    void badFieldsAreNamedAndNothingIsWritten() {
        long before = applications();
        var body = new java.util.LinkedHashMap<>(TestData.factory(batch, "640106"));
        body.put("regionCode", "999999");
        body.put("industryCode", "Z99");
        body.put("selfScore", 120);
        body.put("subject", Map.of("siteName", "基地", "parkName", "园区"));
        body.put("indicators", List.of(Map.of("code", "WATER_REUSE_RATE", "value", "92", "unit", "m³")));
        JsonNode problem = Flow.json(flow.post("ent-a", "applications", body), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder(
                "regionCode", "industryCode", "selfScore", "subject.parkName", "indicators[0].unit");

        body = new java.util.LinkedHashMap<>(TestData.factory(batch, "140200"));
        assertThat(Flow.json(flow.post("ent-a", "applications", body), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("regionCode");
        body = new java.util.LinkedHashMap<>(TestData.factory(batch, "640106"));
        body.put("type", "GREEN_HOUSE");
        assertThat(Flow.json(flow.post("ent-a", "applications", body), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("type");
        body.put("type", "GREEN_FACTORY");
        body.put("batchId", java.util.UUID.randomUUID().toString());
        assertThat(Flow.json(flow.post("ent-a", "applications", body), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("batchId");
        body.put("batchId", "not-a-uuid");
        assertThat(Flow.json(flow.post("ent-a", "applications", body), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("batchId");
        rest.post().uri(Flow.API + "/applications").contentType(MediaType.APPLICATION_JSON).body("{not json")
                .header("Authorization", "Bearer " + Flow.token("ent-a")).exchange().expectStatus().isBadRequest();
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aBatchTakesOnlyItsTypesAndOnlyUntilItsDeadline() {
        String factoriesOnly = flow.batch(List.of("GREEN_FACTORY"), flow.now().plusHours(1));
        var park = new java.util.LinkedHashMap<String, Object>(Map.of("batchId", factoriesOnly, "type", "GREEN_PARK"));
        assertThat(Flow.json(flow.post("ent-a", "applications", park), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("type");
        String id = flow.draft("ent-a", factoriesOnly, "640106");
        flow.evaluated("ent-a", id);

        flow.advance(Duration.ofHours(2));

        JsonNode late = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.CONFLICT);
        assertThat(late.get("type").asString()).endsWith("/batch-not-open");
        assertThat(late.get("currentState").asString()).isEqualTo("DRAFT");
        assertThat(flow.application("ent-a", id).get("state").asString()).isEqualTo("DRAFT");
        JsonNode closed = Flow.json(flow.post("ent-a", "applications", TestData.factory(factoriesOnly, "640106")),
                HttpStatus.CONFLICT);
        assertThat(closed.get("batchPhase").asString()).isEqualTo("CLOSED");
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheSameDraft() {
        var body = TestData.factory(batch, "640106");
        var request = rest.post().uri(Flow.API + "/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + Flow.token("ent-a")).header("Idempotency-Key", "draft-" + batch)
                .body(body);
        String first = Flow.json(request.exchange(), HttpStatus.CREATED).get("id").asString();
        String again = Flow.json(rest.post().uri(Flow.API + "/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + Flow.token("ent-a")).header("Idempotency-Key", "draft-" + batch)
                .body(body).exchange(), HttpStatus.OK).get("id").asString();
        assertThat(again).isEqualTo(first);

        // the same key with a different request is not a retry: refused, nothing created or changed
        long drafts = jdbc.sql("select count(*) from application").query(Long.class).single();
        JsonNode reused = Flow.json(rest.post().uri(Flow.API + "/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + Flow.token("ent-a")).header("Idempotency-Key", "draft-" + batch)
                .body(TestData.factory(batch, "640104")).exchange(), HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(reused.get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(reused.get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(jdbc.sql("select count(*) from application").query(Long.class).single()).isEqualTo(drafts);
        assertThat(flow.application("ent-a", first).get("regionCode").asString()).isEqualTo("640106");
    }

    @Test
    void everyoneSeesOnlyWhatTheirRoleAndScopeAllow() {
        String draft = flow.draft("ent-a", batch, "640106");
        String submitted = flow.submitted("ent-a", batch, "640106");

        // another enterprise, and reviewers before submission, are told it does not exist
        flow.get("ent-b", "applications/" + draft).expectStatus().isNotFound();
        flow.get("ent-b", "applications/" + submitted).expectStatus().isNotFound();
        flow.get("rev-prov", "applications/" + draft).expectStatus().isNotFound();
        flow.get("rev-city", "applications/" + draft).expectStatus().isNotFound();
        flow.get("rev-city", "applications/" + submitted).expectStatus().isOk();
        flow.get("rev-city2", "applications/" + submitted).expectStatus().isNotFound();
        flow.get("expert1", "applications/" + submitted).expectStatus().isNotFound();
        flow.get("expert1", "applications/" + submitted + "/history").expectStatus().isNotFound();
        flow.get("ent-b", "applications/" + submitted + "/history").expectStatus().isNotFound();
        flow.get("client:bank-a", "applications/" + submitted).expectStatus().isForbidden();
        flow.get(null, "applications/" + submitted).expectStatus().isUnauthorized();
        rest.get().uri(Flow.API + "/applications/" + submitted).header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();

        // another enterprise cannot act on it, and nothing changes
        flow.put("ent-b", "applications/" + draft, TestData.factory(batch, "640202")).expectStatus().isNotFound();
        flow.post("ent-b", "applications/" + draft + "/submit", null).expectStatus().isNotFound();
        flow.post("ent-b", "applications/" + submitted + "/withdraw", null).expectStatus().isNotFound();
        flow.post("rev-prov", "applications/" + draft + "/submit", null).expectStatus().isForbidden();
        assertThat(flow.application("ent-a", submitted).get("state").asString()).isEqualTo("MUNICIPAL_REVIEW");

        // the lists: each their own
        JsonNode own = Flow.json(flow.get("ent-b", "applications?size=200"), HttpStatus.OK);
        assertThat(own.get("items").valueStream().map(a -> a.get("uscc").asString())).allMatch(TestData.ENT_B::equals);
        JsonNode cityQueue = Flow.json(flow.get("rev-city", "applications?size=200"), HttpStatus.OK);
        assertThat(cityQueue.get("items").valueStream().map(a -> a.get("id").asString())).contains(submitted)
                .doesNotContain(draft);
        assertThat(cityQueue.get("items").valueStream().map(a -> a.get("cityCode").asString())).allMatch("640100"::equals);
        JsonNode otherCity = Flow.json(flow.get("rev-city2", "applications?size=200"), HttpStatus.OK);
        assertThat(otherCity.get("items").valueStream().map(a -> a.get("id").asString())).doesNotContain(submitted);
        JsonNode province = Flow.json(flow.get("rev-prov", "applications?state=MUNICIPAL_REVIEW&size=200"), HttpStatus.OK);
        assertThat(province.get("items").valueStream().map(a -> a.get("id").asString())).contains(submitted);
        JsonNode experts = Flow.json(flow.get("expert1", "applications?size=200"), HttpStatus.OK);
        assertThat(experts.get("items").valueStream().map(a -> a.get("id").asString())).doesNotContain(submitted);
        flow.get("rev-prov", "applications?state=DRAFT").expectStatus().isBadRequest();
        JsonNode nope = Flow.json(flow.get("rev-prov", "applications?state=NOPE"), HttpStatus.BAD_REQUEST);
        assertThat(nope.get("field").asString()).isEqualTo("state");
        assertThat(nope.get("detail").asString()).contains("'NOPE' is not valid; must be one of DRAFT,", "MUNICIPAL_REVIEW");
        flow.get("rev-prov", "applications?size=1000").expectStatus().isBadRequest();
        flow.get("client:certification-service", "applications").expectStatus().isForbidden();
    }
}
