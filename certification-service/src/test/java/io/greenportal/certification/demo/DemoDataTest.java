package io.greenportal.certification.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.greenportal.certification.batch.BatchService;
import io.greenportal.certification.publicity.ObjectionService;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.platform.test.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo set loads through the real services, and loading it again creates nothing twice. */
@IntegrationTest
class DemoDataTest {

    @Autowired
    BatchService batches;

    @Autowired
    io.greenportal.certification.application.ApplicationService applications;

    @Autowired
    io.greenportal.certification.document.DocumentService documents;

    @Autowired
    io.greenportal.certification.review.ReviewService reviews;

    @Autowired
    io.greenportal.certification.review.ExpertReviewService experts;

    @Autowired
    java.time.Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectionService objections;

    @Autowired
    org.springframework.context.ApplicationContext context;

    List<String> demoStates() {
        return jdbc.sql("select state from application where idempotency_key like 'demo:%' order by idempotency_key")
                .query(String.class).list();
    }

    @Test
    void theDemoSetCoversEveryStageAndLoadsIdempotently() {
        DemoData demo = new DemoData(batches, applications, documents, reviews, experts,
                context.getBean(io.greenportal.certification.evaluationbody.EvaluationBodyService.class),
                context.getBean(io.greenportal.certification.evaluationbody.EvaluationBodyStore.class),
                context.getBean(io.greenportal.certification.engagement.EngagementService.class), clock);
        demo.load();
        // demo:draft, demo:expert, demo:municipal, demo:provincial, demo:publicity, demo:returned
        assertThat(demoStates()).containsExactly("DRAFT", "EXPERT_REVIEW", "MUNICIPAL_REVIEW", "PROVINCIAL_REVIEW",
                "PUBLICITY", "RETURNED");
        long rows = jdbc.sql("select count(*) from transition").query(Long.class).single();
        demo.load();
        assertThat(demoStates()).hasSize(6);
        assertThat(jdbc.sql("select count(*) from transition").query(Long.class).single()).isEqualTo(rows);
        assertThat(batches.get(demo.batch()).types()).hasSize(4);
        assertThat(batches.list(true)).anySatisfy(b -> assertThat(b.id()).isEqualTo(demo.batch()));

        // an upheld objection ends the demo candidate here, so later clock moves of other tests never
        // register it for the demo enterprise in the shared registry
        java.util.UUID candidate = jdbc.sql("select id from application where idempotency_key = 'demo:publicity'")
                .query(java.util.UUID.class).single();
        var objection = objections.file(candidate, new ObjectionService.ObjectionRequest("测试", "13800000000",
                "测试结束，撤下演示公示。"), "127.0.0.1");
        objections.decide(ServiceFlow.PROVINCIAL, candidate, objection.id(), new ObjectionService.DecisionRequest(
                ObjectionService.Verdict.UPHOLD, io.greenportal.certification.publicity.Objection.Outcome.REJECT, "测试"));
        assertThat(demoStates()).contains("REJECTED");
    }
}
