package io.greenportal.certification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.application.ApplicationAccess;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.application.Workflow;
import io.greenportal.certification.batch.BatchStore;
import io.greenportal.certification.publicity.PublicityService;
import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.platform.grpc.client.ServiceTokens;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.web.ApiException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** Who decides which stage, expert scoring rules, and concurrent decisions. */
@IntegrationTest
class ReviewRulesTest {

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

    long reviewRows(String id) {
        return jdbc.sql("select count(*) from review where application_id = cast(:id as uuid)").param("id", id)
                .query(Long.class).single();
    }

    @Test
    void eachReviewerDecidesOnlyTheirStageAndScope() {
        String id = flow.submitted("ent-a", batch, "640106");
        var approve = Map.of("decision", "APPROVE", "comment", "同意");

        JsonNode unknown = Flow.json(flow.post("rev-city", "applications/" + id + "/reviews",
                Map.of("decision", "approve", "comment", "同意")), HttpStatus.BAD_REQUEST);
        assertThat(unknown.get("field").asString()).isEqualTo("decision");
        assertThat(unknown.get("detail").asString()).as("the allowed decisions are named").contains("APPROVE", "RETURN", "REJECT");
        assertThat(reviewRows(id)).isZero();

        flow.post("rev-city2", "applications/" + id + "/reviews", approve).expectStatus().isNotFound();
        JsonNode early = Flow.json(flow.post("rev-prov", "applications/" + id + "/reviews", approve), HttpStatus.CONFLICT);
        assertThat(early.get("currentState").asString()).isEqualTo("MUNICIPAL_REVIEW");
        flow.post("ent-a", "applications/" + id + "/reviews", approve).expectStatus().isForbidden();
        flow.post("expert1", "applications/" + id + "/reviews", approve).expectStatus().isForbidden();
        flow.post("admin", "applications/" + id + "/reviews", approve).expectStatus().isForbidden();
        flow.post(null, "applications/" + id + "/reviews", approve).expectStatus().isUnauthorized();
        flow.post("rev-city", "applications/" + id + "/reviews", Map.of("decision", "RETURN")).expectStatus().isBadRequest();
        flow.post("rev-city", "applications/" + id + "/reviews", Map.of("decision", "MAYBE")).expectStatus().isBadRequest();
        flow.post("rev-city", "applications/" + java.util.UUID.randomUUID() + "/reviews", approve).expectStatus().isNotFound();
        assertThat(reviewRows(id)).isZero();
        assertThat(flow.state(id)).isEqualTo("MUNICIPAL_REVIEW");

        flow.decide("rev-city", id, "APPROVE", "同意");
        JsonNode late = Flow.json(flow.post("rev-city", "applications/" + id + "/reviews", approve), HttpStatus.CONFLICT);
        assertThat(late.get("currentState").asString()).isEqualTo("PROVINCIAL_REVIEW");
        flow.decide("rev-prov", id, "APPROVE", "同意");
        assertThat(flow.state(id)).isEqualTo("EXPERT_REVIEW");
        JsonNode experts = Flow.json(flow.post("rev-prov", "applications/" + id + "/reviews", approve), HttpStatus.CONFLICT);
        assertThat(experts.get("currentState").asString()).isEqualTo("EXPERT_REVIEW");
        assertThat(experts.get("detail").asString()).contains("decide the provincial review of").doesNotContain("_review");
    }

    @Test
    void expertsScoreOnceWithinRangeAndOnlyWhatIsAssigned() {
        String id = flow.inExpertReview("ent-b", batch, "640202");

        // not yet assigned: experts know nothing of it
        flow.score("expert1", id, 80).expectStatus().isNotFound();
        flow.get("expert1", "applications/" + id).expectStatus().isNotFound();
        flow.get("expert1", "applications/" + id + "/scores").expectStatus().isNotFound();

        // assignments: provincial reviewers only, and at least the batch's minimum
        flow.post("rev-city2", "applications/" + id + "/expert-assignments", Map.of("experts", List.of("expert1")))
                .expectStatus().isForbidden();
        flow.post("ent-b", "applications/" + id + "/expert-assignments", Map.of("experts", List.of("expert1")))
                .expectStatus().isForbidden();
        assertThat(Flow.json(flow.post("rev-prov", "applications/" + id + "/expert-assignments",
                Map.of("experts", List.of("expert1", "expert2"))), HttpStatus.BAD_REQUEST).get("field").asString())
                .isEqualTo("experts");
        flow.post("rev-prov", "applications/" + id + "/expert-assignments",
                Map.of("experts", List.of("expert1", "Robert'); drop table--", "expert3"))).expectStatus().isBadRequest();
        flow.post("rev-prov", "applications/" + id + "/expert-assignments", Map.of("experts", List.of("expert1")))
                .expectStatus().isBadRequest();
        flow.assign(id, "expert1", "expert2", "expert3");

        flow.score("expert1", id, 101).expectStatus().isBadRequest();
        flow.score("expert1", id, -1).expectStatus().isBadRequest();
        flow.score("expert1", id, 80.555).expectStatus().isBadRequest();
        flow.score("expert1", id, "eighty").expectStatus().isBadRequest();
        flow.post("expert1", "applications/" + id + "/scores", Map.of("score", 80)).expectStatus().isBadRequest();
        flow.score("rev-prov", id, 80).expectStatus().isForbidden();
        flow.score("expert1", id, 80).expectStatus().isCreated();
        JsonNode twice = Flow.json(flow.score("expert1", id, 95), HttpStatus.CONFLICT);
        assertThat(twice.get("type").asString()).endsWith("/already-scored");

        // an expert sees their own score and assignment; the province sees all
        JsonNode own = Flow.json(flow.get("expert1", "applications/" + id + "/scores"), HttpStatus.OK).get("items");
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).get("score").asString()).isEqualTo("80.00");
        assertThat(Flow.json(flow.get("expert2", "applications/" + id + "/scores"), HttpStatus.OK).get("items").size()).isZero();
        assertThat(Flow.json(flow.get("expert2", "applications/" + id + "/expert-assignments"), HttpStatus.OK)
                .get("items").size()).isEqualTo(1);
        JsonNode all = Flow.json(flow.get("rev-prov", "applications/" + id + "/expert-assignments"), HttpStatus.OK).get("items");
        assertThat(all.valueStream().map(a -> a.get("expert").asString())).containsExactlyInAnyOrder("expert1", "expert2", "expert3");
        flow.get("ent-b", "applications/" + id + "/scores").expectStatus().isForbidden();
        flow.get("rev-city2", "applications/" + id + "/expert-assignments").expectStatus().isForbidden();
        assertThat(flow.state(id)).isEqualTo("EXPERT_REVIEW");
    }

    long assignmentRows(String id) {
        return jdbc.sql("select count(*) from expert_assignment where application_id = cast(:id as uuid)").param("id", id)
                .query(Long.class).single();
    }

    @Test
    void onlyUsersHoldingTheExpertRoleCanBeAssigned() {
        String id = flow.inExpertReview("ent-b", batch, "640202");
        String uri = "applications/" + id + "/expert-assignments";

        JsonNode applicant = Flow.json(flow.post("rev-prov", uri, Map.of("experts", List.of("expert1", "expert2", "ent-a"))),
                HttpStatus.BAD_REQUEST);
        assertThat(applicant.get("field").asString()).isEqualTo("experts");
        assertThat(applicant.get("detail").asString()).contains("ent-a");
        JsonNode others = Flow.json(flow.post("rev-prov", uri,
                Map.of("experts", List.of("expert1", "rev-prov", "nobody1", "expert3"))), HttpStatus.BAD_REQUEST);
        assertThat(others.get("field").asString()).isEqualTo("experts");
        assertThat(others.get("unknownExperts").valueStream().map(JsonNode::asString)).containsExactly("rev-prov", "nobody1");
        assertThat(assignmentRows(id)).isZero();

        flow.assign(id, "expert1", "expert2", "expert3");
        assertThat(assignmentRows(id)).isEqualTo(3);
    }

    @Test
    void anUnscoredAssigneeIsReplacedByAssigningAgain() {
        // ent-a: this application reaches publicity and may be listed; ent-b keeps only its suspended listing
        String id = flow.inExpertReview("ent-a", batch, "640106");
        // an assignee who will never score (as assignments before the role check allowed)
        for (String expert : List.of("expert1", "expert2", "nobody1")) {
            jdbc.sql("insert into expert_assignment (application_id, round, expert, assigned_by, assigned_at) "
                            + "values (cast(:id as uuid), 1, :expert, 'rev-prov', now())")
                    .param("id", id).param("expert", expert).update();
        }
        flow.score("expert1", id, 80).expectStatus().isCreated();

        // the list names the round's experts: nobody1 is replaced, expert1 has scored and stays
        JsonNode items = Flow.json(flow.post("rev-prov", "applications/" + id + "/expert-assignments",
                Map.of("experts", List.of("expert2", "expert3"))), HttpStatus.CREATED).get("items");
        assertThat(items.valueStream().map(a -> a.get("expert").asString()))
                .containsExactlyInAnyOrder("expert1", "expert2", "expert3");
        flow.score("expert2", id, 75).expectStatus().isCreated();
        assertThat(flow.state(id)).isEqualTo("EXPERT_REVIEW");
        flow.score("expert3", id, 90).expectStatus().isCreated();
        assertThat(flow.state(id)).isEqualTo("PUBLICITY");
    }

    @Test
    void droppingTheLastUnscoredAssigneeLetsTheScoresDecide() {
        // ent-a: this application reaches publicity and may be listed; ent-b keeps only its suspended listing
        String id = flow.inExpertReview("ent-a", batch, "640106");
        for (String expert : List.of("expert1", "expert2", "expert3", "nobody1")) {
            jdbc.sql("insert into expert_assignment (application_id, round, expert, assigned_by, assigned_at) "
                            + "values (cast(:id as uuid), 1, :expert, 'rev-prov', now())")
                    .param("id", id).param("expert", expert).update();
        }
        flow.score("expert1", id, 80).expectStatus().isCreated();
        flow.score("expert2", id, 75).expectStatus().isCreated();
        flow.score("expert3", id, 90).expectStatus().isCreated();
        assertThat(flow.state(id)).isEqualTo("EXPERT_REVIEW");

        flow.assign(id, "expert1", "expert2", "expert3");
        assertThat(flow.state(id)).isEqualTo("PUBLICITY");
        assertThat(assignmentRows(id)).isEqualTo(3);
    }

    @Test
    void anUnreachableKeycloakAssignsNobody() {
        String id = flow.inExpertReview("ent-b", batch, "640202");
        var nowhere = new ExpertDirectory("http://127.0.0.1:1/admin/realms/greenportal",
                context.getBean(ServiceTokens.class));
        var service = new ExpertReviewService(context.getBean(Workflow.class), context.getBean(ApplicationAccess.class),
                context.getBean(ApplicationStore.class), context.getBean(BatchStore.class),
                context.getBean(PublicityService.class), nowhere,
                context.getBean(io.greenportal.certification.conflict.ExpertConflicts.class), jdbc,
                new TransactionTemplate(context.getBean(PlatformTransactionManager.class)), clock);

        assertThatThrownBy(() -> service.assign(ServiceFlow.PROVINCIAL, UUID.fromString(id),
                new ExpertReviewService.AssignRequest(List.of("expert1", "expert2", "expert3"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(assignmentRows(id)).isZero();
        assertThat(flow.state(id)).isEqualTo("EXPERT_REVIEW");
    }

    @Test
    void ofTwoReviewersDecidingAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = flow.submitted("ent-a", batch, "640106");
            flow.decide("rev-city", id, "APPROVE", "同意");
            CountDownLatch start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(4);
            List<Future<HttpStatus>> decisions = new ArrayList<>();
            String[][] attempts = {{"APPROVE", "复核通过"}, {"REJECT", "不符合条件"}, {"RETURN", "请补充"}, {"APPROVE", "同意"}};
            for (String[] attempt : attempts) {
                decisions.add(pool.submit((Callable<HttpStatus>) () -> {
                    start.await();
                    return (HttpStatus) flow.post("rev-prov", "applications/" + id + "/reviews",
                            Map.of("decision", attempt[0], "comment", attempt[1])).returnResult().getStatus();
                }));
            }
            start.countDown();
            List<HttpStatus> outcomes = new ArrayList<>();
            for (Future<HttpStatus> decision : decisions) {
                outcomes.add(decision.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(outcomes).filteredOn(s -> s == HttpStatus.CREATED).hasSize(1);
            assertThat(outcomes).filteredOn(s -> s == HttpStatus.CONFLICT).hasSize(3);
            assertThat(jdbc.sql("select count(*) from review where application_id = cast(:id as uuid) and stage = 'PROVINCIAL_REVIEW'")
                    .param("id", id).query(Long.class).single()).isEqualTo(1);
            JsonNode history = Flow.json(flow.get("ent-a", "applications/" + id + "/history"), HttpStatus.OK).get("items");
            assertThat(history.valueStream().filter(e -> "PROVINCIAL_REVIEW".equals(e.path("from").asString())).count())
                    .isEqualTo(1);
        }
    }

    @Test
    void aWithdrawalRacingAReviewerEndsInExactlyOneOfThem() throws Exception {
        String id = flow.submitted("ent-a", batch, "640106");
        CountDownLatch start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        Future<HttpStatus> withdraw = pool.submit(() -> {
            start.await();
            return (HttpStatus) flow.post("ent-a", "applications/" + id + "/withdraw", null).returnResult().getStatus();
        });
        Future<HttpStatus> approve = pool.submit(() -> {
            start.await();
            return (HttpStatus) flow.post("rev-city", "applications/" + id + "/reviews", Map.of("decision", "APPROVE"))
                    .returnResult().getStatus();
        });
        start.countDown();
        HttpStatus w = withdraw.get(30, TimeUnit.SECONDS);
        HttpStatus a = approve.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        String state = flow.state(id);
        if (a == HttpStatus.CREATED) {
            // the approval came first; withdrawing from provincial review is still allowed
            assertThat(state).isIn("PROVINCIAL_REVIEW", "WITHDRAWN");
        } else {
            assertThat(a).isEqualTo(HttpStatus.CONFLICT);
            assertThat(w).isEqualTo(HttpStatus.OK);
            assertThat(state).isEqualTo("WITHDRAWN");
        }
        long moves = Flow.json(flow.get("ent-a", "applications/" + id + "/history"), HttpStatus.OK).get("items")
                .valueStream().filter(e -> "MUNICIPAL_REVIEW".equals(e.path("from").asString())).count();
        assertThat(moves).isEqualTo(1);
    }
}
