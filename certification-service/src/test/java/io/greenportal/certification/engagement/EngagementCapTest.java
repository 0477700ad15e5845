package io.greenportal.certification.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.application.ApplicationService;
import io.greenportal.certification.batch.BatchService;
import io.greenportal.certification.evaluationbody.BodyRules;
import io.greenportal.certification.evaluationbody.EvaluationBodyService;
import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.certification.support.TestData;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** The cap on one body's engagements in a batch holds however many confirm at once. */
@IntegrationTest
class EngagementCapTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BatchService batches;

    @Autowired
    ApplicationService applications;

    @Autowired
    EvaluationBodyService bodies;

    @Autowired
    EngagementService engagements;

    @Test
    void ofThirtyConcurrentConfirmationsExactlyTheDefaultCapOfFifteenSucceed() throws Exception {
        var now = Times.now(clock);
        UUID batch = batches.create(new BatchService.BatchRequest("上限测试批次 " + System.nanoTime() % 100000, now.getYear(),
                List.of("GREEN_FACTORY"), now.minusMinutes(1), now.plusDays(30), 5, BigDecimal.valueOf(70), 3), "admin").id();
        String code = TestData.uscc("640100");
        UUID body = bodies.create(ServiceFlow.ADMIN, new BodyRules.BodyRequest("上限测试评价机构", code,
                List.of("GREEN_FACTORY"), now.toLocalDate().plusYears(1), "测试联系人", List.of())).id();
        Caller evaluator = new Caller("eval-cap", Set.of(Caller.EVALUATOR), null, null, null, code);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Caller enterprise = ServiceFlow.newEnterprise();
            UUID id = applications.create(enterprise, TestData.factoryRequest(batch, "宁夏上限测试" + i + "有限公司", "640105"),
                    null).application().id();
            engagements.name(enterprise, id, new EngagementService.NameRequest(body));
            ids.add(id);
        }

        var pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (UUID id : ids) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return engagements.confirm(evaluator, id).status().name();
                } catch (ApiException e) {
                    return e.status().value() + " " + e.type() + " " + e.properties().get("cap");
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).filteredOn("CONFIRMED"::equals).hasSize(15);
        assertThat(results).filteredOn(r -> !r.equals("CONFIRMED")).hasSize(15)
                .allMatch(r -> r.equals("409 engagement-cap-reached 15"), "refused naming the cap");
        assertThat(jdbc.sql("select count(*) from engagement where body_id = :body and status = 'CONFIRMED'")
                .param("body", body).query(Long.class).single()).isEqualTo(15);
    }

    @Test
    void aBatchsOwnCapIsNamedInTheRefusal() {
        Flow flow = new Flow(rest, clock);
        String batch = flow.batch();
        assertThat(Flow.json(flow.get("admin", "batches/" + batch + "/evaluation-cap"), HttpStatus.OK).get("cap").asInt())
                .isEqualTo(1000);
        flow.put("rev-prov", "batches/" + batch + "/evaluation-cap", Map.of("cap", 1)).expectStatus().isForbidden();
        flow.put("eval-a", "batches/" + batch + "/evaluation-cap", Map.of("cap", 1)).expectStatus().isForbidden();
        assertThat(Flow.json(flow.put("admin", "batches/" + batch + "/evaluation-cap", Map.of("cap", 0)),
                HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("cap");
        flow.put("admin", "batches/" + UUID.randomUUID() + "/evaluation-cap", Map.of("cap", 1)).expectStatus().isNotFound();
        flow.put("admin", "batches/" + batch + "/evaluation-cap", Map.of("cap", 1)).expectStatus().isOk();

        String first = flow.draft("ent-a", batch, "640106");
        String second = flow.draft("ent-a", batch, "640106");
        for (String id : List.of(first, second)) {
            flow.put("ent-a", "applications/" + id + "/engagement", Map.of("bodyId", flow.bodyA())).expectStatus().isOk();
        }
        flow.post("eval-a", "applications/" + first + "/engagement/confirmation", null).expectStatus().isOk();
        // confirming again is a no-op, not a second engagement
        flow.post("eval-a", "applications/" + first + "/engagement/confirmation", null).expectStatus().isOk();
        JsonNode refused = Flow.json(flow.post("eval-a", "applications/" + second + "/engagement/confirmation", null),
                HttpStatus.CONFLICT);
        assertThat(refused.get("type").asString()).endsWith("/engagement-cap-reached");
        assertThat(refused.get("cap").asInt()).isEqualTo(1);
        assertThat(refused.get("detail").asString()).contains("the cap is 1");
    }
}
