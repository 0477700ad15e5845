package io.greenportal.certification.sanction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationService;
import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Refusal;
import io.greenportal.platform.test.Waiting;
import io.greenportal.platform.web.Caller;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * A sanctioned body's reports in the look-back period: open applications go back to their enterprise
 * for another body, approved listings get a review task the provincial reviewers decide (nothing
 * happens to the listing before), older reports and other bodies' work are untouched.
 */
@IntegrationTest
class SanctionTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationService applications;

    @Autowired
    RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    String engagementStatus(UUID application) {
        return jdbc.sql("select status from engagement where application_id = :id order by requested_at desc limit 1")
                .param("id", application).query(String.class).single();
    }

    ListingStatus registryStatus(UUID listing) {
        return registry.getListing(GetListingRequest.newBuilder().setId(listing.toString()).build()).getStatus();
    }

    @Test
    void aSanctionCascadesExactlyAsDescribed() throws Exception {
        ServiceFlow services = new ServiceFlow(context);
        Flow flow = new Flow(rest, clock);
        UUID batch = services.batch();
        ServiceFlow.Body sanctioned = services.newBody("被处罚评价机构");
        ServiceFlow.Body other = services.newBody("守信评价机构");

        // an approved listing, and an older one whose report lies before the look-back period
        Caller approvedFirm = ServiceFlow.newEnterprise();
        Application approved = services.approved(approvedFirm, batch, sanctioned.id(), sanctioned.evaluator());
        Caller oldFirm = ServiceFlow.newEnterprise();
        Application old = services.approved(oldFirm, batch, sanctioned.id(), sanctioned.evaluator());
        jdbc.sql("update engagement set reported_at = reported_at - interval '3 years' where application_id = :id")
                .param("id", old.id()).update();
        // open: one in review, one a reported draft; and one evaluated by another body
        Caller reviewFirm = ServiceFlow.newEnterprise();
        UUID inReview = services.submitted(reviewFirm, batch, sanctioned.id(), sanctioned.evaluator());
        Caller draftFirm = ServiceFlow.newEnterprise();
        UUID draft = services.draft(draftFirm, batch);
        services.evaluated(draftFirm, draft, sanctioned.id(), sanctioned.evaluator());
        Caller otherFirm = ServiceFlow.newEnterprise();
        UUID untouched = services.submitted(otherFirm, batch, other.id(), other.evaluator());

        JsonNode answer = Flow.json(flow.post("admin", "evaluation-bodies/" + sanctioned.id() + "/status",
                Map.of("status", "SANCTIONED", "reason", "出具失实评价报告")), HttpStatus.OK);
        assertThat(answer.get("body").get("status").asString()).isEqualTo("SANCTIONED");

        // open applications: back to the enterprise, the engagement voided, submission needs another body
        assertThat(services.get(inReview).state().name()).isEqualTo("RETURNED");
        assertThat(engagementStatus(inReview)).isEqualTo("VOIDED");
        assertThat(jdbc.sql("select comment from transition where application_id = :id order by id desc limit 1")
                .param("id", inReview).query(String.class).single()).contains("被处罚评价机构").contains("重新评价");
        assertThat(services.get(draft).state().name()).isEqualTo("DRAFT");
        assertThat(engagementStatus(draft)).isEqualTo("VOIDED");
        var incomplete = Refusal.of(() -> applications.submit(draftFirm, draft, null));
        assertThat(incomplete.type()).isEqualTo("incomplete-application");
        assertThat(incomplete.field()).isEqualTo("evaluationBody");
        assertThat(incomplete.detail()).contains("evaluationBody").contains("evaluationReport");
        // ...and once another body has evaluated it, it goes in again as a new round
        services.evaluated(reviewFirm, inReview, other.id(), other.evaluator());
        assertThat(applications.submit(reviewFirm, inReview, null).round()).isEqualTo(2);

        // the approved listing: a review task, the listing untouched until it is decided
        JsonNode open = Flow.json(flow.get("rev-prov", "sanction-reviews?status=OPEN&size=200"), HttpStatus.OK);
        assertThat(open.get("total").asLong()).isEqualTo(jdbc.sql("select count(*) from sanction_review where status = 'OPEN'")
                .query(Long.class).single());
        JsonNode tasks = open.get("items");
        var task = tasks.valueStream().filter(t -> t.get("applicationId").asString().equals(approved.id().toString()))
                .findFirst().orElseThrow();
        assertThat(tasks.valueStream().map(t -> t.get("applicationId").asString())).doesNotContain(old.id().toString());
        assertThat(registryStatus(approved.listingId())).isEqualTo(ListingStatus.ACTIVE);
        assertThat(engagementStatus(approved.id())).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select flagged_at is not null from engagement where application_id = :id")
                .param("id", approved.id()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select flagged_at is null from engagement where application_id = :id")
                .param("id", old.id()).query(Boolean.class).single()).isTrue();
        // the other body's work is untouched
        assertThat(services.get(untouched).state().name()).isEqualTo("MUNICIPAL_REVIEW");
        assertThat(engagementStatus(untouched)).isEqualTo("CONFIRMED");

        String taskId = task.get("id").asString();
        flow.post("admin", "sanction-reviews/" + taskId + "/decision", Map.of("outcome", "REVOKE", "comment", "x"))
                .expectStatus().isForbidden();
        assertThat(Flow.json(flow.post("rev-prov", "sanction-reviews/" + taskId + "/decision",
                Map.of("outcome", "REVOKE")), HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("comment");
        JsonNode decided = Flow.json(flow.post("rev-prov", "sanction-reviews/" + taskId + "/decision",
                Map.of("outcome", "REVOKE", "comment", "评价报告失实，复核后撤销")), HttpStatus.OK);
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("decidedBy").asString()).isEqualTo("rev-prov");
        flow.post("rev-prov", "sanction-reviews/" + taskId + "/decision", Map.of("outcome", "KEEP", "comment", "改判"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        Waiting.atMost(Duration.ofSeconds(10), "the registry revokes the listing")
                .until(() -> registryStatus(approved.listingId()) == ListingStatus.REVOKED);
        assertThat(registryStatus(approved.listingId())).isEqualTo(ListingStatus.REVOKED);
        assertThat(registryStatus(old.listingId())).isEqualTo(ListingStatus.ACTIVE);

        // a task whose listing the registry has revoked meanwhile (撤销 is final): nothing to suspend or revoke
        UUID stale = UUID.randomUUID();
        jdbc.sql("insert into sanction_review (id, body_id, application_id, listing_id, status, created_at) "
                        + "values (:id, :body, :app, :listing, 'OPEN', now())")
                .param("id", stale).param("body", sanctioned.id()).param("app", old.id()).param("listing", old.listingId()).update();
        registry.changeStatus(io.greenportal.contracts.registry.v1.ChangeStatusRequest.newBuilder()
                .setListingId(old.listingId().toString()).setAction(io.greenportal.contracts.registry.v1.StatusAction.REVOKE)
                .setReason("年度动态管理评价不合格，撤销称号").build());
        JsonNode revokedAlready = Flow.json(flow.post("rev-prov", "sanction-reviews/" + stale + "/decision",
                Map.of("outcome", "SUSPEND", "comment", "复核后限期整改")), HttpStatus.CONFLICT);
        assertThat(revokedAlready.get("type").asString()).endsWith("/listing-revoked");
        assertThat(revokedAlready.get("listingStatus").asString()).isEqualTo("REVOKED");
        assertThat(jdbc.sql("select status from sanction_review where id = :id").param("id", stale).query(String.class)
                .single()).isEqualTo("OPEN");
        assertThat(Flow.json(flow.post("rev-prov", "sanction-reviews/" + stale + "/decision",
                Map.of("outcome", "KEEP", "comment", "称号已撤销，无需处理")), HttpStatus.OK).get("status").asString())
                .isEqualTo("DECIDED");

        // the public list shows the sanction; a sanctioned body confirms nothing new
        JsonNode listed = Flow.json(flow.get(null, "public/evaluation-bodies?size=200"), HttpStatus.OK).get("items")
                .valueStream().filter(b -> b.get("creditCode").asString().equals(sanctioned.creditCode())).findFirst()
                .orElseThrow();
        assertThat(listed.get("status").asString()).isEqualTo("SANCTIONED");
        assertThat(listed.get("sanctionReason").asString()).isEqualTo("出具失实评价报告");
        Caller lateFirm = ServiceFlow.newEnterprise();
        UUID late = services.draft(lateFirm, batch);
        var refused = Refusal.of(() -> services.evaluated(lateFirm, late, sanctioned.id(), sanctioned.evaluator()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.properties()).containsEntry("currentStatus", "SANCTIONED");
    }

    @Test
    void statisticsPerBodyCompareItsScoresWithTheExperts() throws Exception {
        ServiceFlow services = new ServiceFlow(context);
        Flow flow = new Flow(rest, clock);
        UUID batch = services.batch();
        ServiceFlow.Body body = services.newBody("统计评价机构");
        services.approved(ServiceFlow.newEnterprise(), batch, body.id(), body.evaluator());
        services.submitted(ServiceFlow.newEnterprise(), batch, body.id(), body.evaluator());
        JsonNode stats = Flow.json(flow.get("admin", "evaluation-bodies/" + body.id() + "/statistics"), HttpStatus.OK);
        assertThat(stats.get("engagements").asInt()).isEqualTo(2);
        assertThat(stats.get("reported").asInt()).isEqualTo(2);
        assertThat(stats.get("approved").asInt()).isEqualTo(1);
        assertThat(stats.get("passRate").asString()).isEqualTo("1.0000");
        assertThat(stats.get("averageScore").asString()).isEqualTo("86.00");
        assertThat(stats.get("averageExpertScore").asString()).isEqualTo("85.00");
        assertThat(stats.get("averageDifference").asString()).isEqualTo("1.00");
        flow.get("rev-prov", "evaluation-bodies/" + body.id() + "/statistics").expectStatus().isForbidden();
        flow.get("admin", "evaluation-bodies/" + UUID.randomUUID() + "/statistics").expectStatus().isNotFound();
    }
}
