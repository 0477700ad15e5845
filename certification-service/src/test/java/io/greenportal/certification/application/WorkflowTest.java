package io.greenportal.certification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.greenportal.certification.noticefeed.NoticeLog;
import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.TestData;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeChangeKind;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** Whole applications through the REST API with the demo accounts, and the registry they end up in. */
@IntegrationTest
class WorkflowTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    NoticeLog notices;

    Flow flow;
    String batch;

    @BeforeEach
    void setUp() {
        flow = new Flow(rest, clock);
        batch = flow.batch();
    }

    @Test
    void fromDraftToARegistryListingWithAReturnThreeExpertsAndADismissedObjection() throws Exception {
        long feedStart = notices.lastSequence();
        String id = flow.draft("ent-a", batch, "640106");
        assertThat(flow.application("ent-a", id).get("state").asString()).isEqualTo("DRAFT");
        flow.evaluated("ent-a", id);
        JsonNode report = Flow.json(flow.get("ent-a", "applications/" + id + "/documents"), HttpStatus.OK).get("items").get(0);
        assertThat(report.get("kind").asString()).isEqualTo("EVALUATION_REPORT");
        assertThat(report.get("uploadedBy").asString()).isEqualTo("eval-a");
        Flow.json(flow.post("ent-a", "applications/" + id + "/submit", Map.of("comment", "请审核")), HttpStatus.OK);

        // municipal review returns it with comments
        flow.decide("rev-city", id, "RETURN", "请补充固体废物综合利用率的计算依据");
        assertThat(flow.application("ent-a", id).get("state").asString()).isEqualTo("RETURNED");

        // the enterprise edits, adds an answer and resubmits: a second round, the first kept
        Map<String, Object> edited = TestData.factory(batch, "640106");
        edited.put("indicators", List.of(
                Map.of("code", "ENERGY_PER_VALUE_ADDED", "value", "0.352", "unit", "tce/万元"),
                Map.of("code", "SOLID_WASTE_UTILISATION", "value", "93.1", "unit", "%")));
        Flow.json(flow.put("ent-a", "applications/" + id, edited), HttpStatus.OK);
        flow.upload("ent-a", id, "OTHER", "整改说明.pdf", TestData.pdf("answer")).expectStatus().isCreated();
        JsonNode resubmitted = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.OK);
        assertThat(resubmitted.get("state").asString()).isEqualTo("MUNICIPAL_REVIEW");
        assertThat(resubmitted.get("round").asInt()).isEqualTo(2);

        flow.decide("rev-city", id, "APPROVE", "同意推荐");
        flow.decide("rev-prov", id, "APPROVE", "复核通过");
        assertThat(flow.state(id)).isEqualTo("EXPERT_REVIEW");

        flow.assign(id, "expert1", "expert2", "expert3");
        flow.score("expert1", id, 80).expectStatus().isCreated();
        flow.score("expert2", id, 75).expectStatus().isCreated();
        assertThat(flow.state(id)).isEqualTo("EXPERT_REVIEW");
        flow.score("expert3", id, 90).expectStatus().isCreated();
        JsonNode published = flow.application("ent-a", id);
        assertThat(published.get("state").asString()).isEqualTo("PUBLICITY");
        assertThat(published.get("expertMean").asString()).isEqualTo("81.67");
        assertThat(published.get("publicityEndsAt").asString()).isNotBlank();

        // anyone objects; the provincial reviewer sees who, the applicant only what
        String objector = TestData.clientAddress();
        JsonNode receipt = Flow.json(flow.objection(id, objector, Map.of("name", "张三", "contact", "13800000000",
                "content", "该企业厂区仍存在露天堆放固体废物的情况。")), HttpStatus.CREATED);
        JsonNode forProvince = Flow.json(flow.get("rev-prov", "applications/" + id + "/objections"), HttpStatus.OK);
        assertThat(forProvince.get("items").get(0).get("objectorName").asString()).isEqualTo("张三");
        JsonNode forApplicant = Flow.json(flow.get("ent-a", "applications/" + id + "/objections"), HttpStatus.OK);
        assertThat(forApplicant.get("items").get(0).has("objectorName")).isFalse();
        assertThat(forApplicant.get("items").get(0).has("objectorContact")).isFalse();
        assertThat(forApplicant.get("items").get(0).get("content").asString()).contains("固体废物");
        Flow.json(flow.post("rev-prov", "applications/" + id + "/objections/" + receipt.get("id").asString()
                + "/decision", Map.of("decision", "DISMISS", "comment", "经现场核查，已于2026年整改完毕")), HttpStatus.OK);

        // the publicity ends: approved, and the registry lists it
        flow.advance(Duration.ofDays(6));
        JsonNode approved = flow.awaitListing("ent-a", id);
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        String listingId = approved.get("listingId").asString();
        String certificate = approved.get("certificateNumber").asString();
        assertThat(certificate).startsWith("GF-640000-");

        var channel = Grpc.channel(io.greenportal.certification.support.TestData.registryGrpcPort());
        try {
            var registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("certification-service"));
            var listing = registry.getListing(GetListingRequest.newBuilder().setId(listingId).build());
            assertThat(listing.getCertificateNumber()).isEqualTo(certificate);
            assertThat(listing.getLevel()).isEqualTo(Level.PROVINCIAL);
            assertThat(listing.getStatus()).isEqualTo(ListingStatus.ACTIVE);
            assertThat(listing.getSource()).isEqualTo("CERTIFICATION");
            assertThat(listing.getSourceRef()).isEqualTo(id);
            assertThat(listing.getEnterprise().getUscc()).isEqualTo(TestData.ENT_A);
            assertThat(listing.getSubject().getSiteName()).startsWith("宁东生产基地（");
            assertThat(listing.getIndicatorsList()).extracting(i -> i.getCode())
                    .containsExactly("ENERGY_PER_VALUE_ADDED", "SOLID_WASTE_UTILISATION");
            var held = registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(TestData.ENT_A).build());
            assertThat(held.getListingsList()).filteredOn(l -> l.getSourceRef().equals(id)).hasSize(1);
        } finally {
            channel.shutdownNow();
        }

        // the history tells the whole story, the rounds and documents are kept
        JsonNode history = Flow.json(flow.get("ent-a", "applications/" + id + "/history"), HttpStatus.OK).get("items");
        assertThat(history.valueStream().map(e -> e.get("to").asString()).toList()).containsExactly("DRAFT", "SUBMITTED",
                "MUNICIPAL_REVIEW", "RETURNED", "SUBMITTED", "MUNICIPAL_REVIEW", "PROVINCIAL_REVIEW", "EXPERT_REVIEW",
                "PUBLICITY", "APPROVED");
        JsonNode returned = history.get(3);
        assertThat(returned.get("actor").asString()).isEqualTo("rev-city");
        assertThat(returned.get("role").asString()).isEqualTo("reviewer-municipal");
        assertThat(returned.get("comment").asString()).contains("计算依据");
        assertThat(returned.get("round").asInt()).isEqualTo(1);
        assertThat(history.get(6).get("round").asInt()).isEqualTo(2);
        assertThat(history.get(9).get("actor").asString()).isEqualTo("system");
        assertThat(history.get(9).get("comment").asString()).contains("1 项异议经核查不成立");
        Flow.json(flow.get("rev-city", "applications/" + id + "/history"), HttpStatus.OK);
        Flow.json(flow.get("expert2", "applications/" + id + "/history"), HttpStatus.OK);

        JsonNode detail = Flow.json(flow.get("ent-a", "applications/" + id), HttpStatus.OK);
        assertThat(detail.get("rounds").size()).isEqualTo(2);
        JsonNode documents = Flow.json(flow.get("rev-prov", "applications/" + id + "/documents"), HttpStatus.OK).get("items");
        assertThat(documents.valueStream().map(d -> d.get("round").asInt()).toList()).containsExactly(1, 2);
        assertThat(documents.get(0).get("sha256").asString()).isEqualTo(report.get("sha256").asString());
        JsonNode reviews = Flow.json(flow.get("ent-a", "applications/" + id + "/reviews"), HttpStatus.OK).get("items");
        assertThat(reviews.valueStream().map(r -> r.get("decision").asString()).toList())
                .containsExactly("RETURN", "APPROVE", "APPROVE");

        // the publicity service's feed saw the notice open and close with the listing
        List<NoticeChange> feed = notices.readAfter(feedStart, 1000).stream()
                .filter(c -> c.getNotice().getApplicationId().equals(id)).toList();
        assertThat(feed).extracting(NoticeChange::getKind)
                .containsExactly(NoticeChangeKind.NOTICE_PUBLISHED, NoticeChangeKind.NOTICE_CLOSED);
        assertThat(feed.get(0).getNotice().getOutcome()).isEqualTo(NoticeOutcome.PENDING);
        assertThat(feed.get(0).getNotice().getSubjectName()).startsWith("宁东生产基地（");
        assertThat(feed.get(1).getNotice().getOutcome()).isEqualTo(NoticeOutcome.APPROVED);
        assertThat(feed.get(1).getNotice().getListingId()).isEqualTo(listingId);
        assertThat(feed.get(1).getNotice().getCertificateNumber()).isEqualTo(certificate);

        // the listing now owes its annual report
        JsonNode reports = Flow.json(flow.get("ent-a", "annual-reports"), HttpStatus.OK).get("items");
        assertThat(reports.valueStream().filter(r -> r.get("listingId").asString().equals(listingId)).toList())
                .singleElement().satisfies(r -> {
                    assertThat(r.get("status").asString()).isEqualTo("DUE");
                    assertThat(r.get("dueOn").asString()).isEqualTo((flow.now().getYear() + 1) + "-03-31");
                });

        // and nothing moves a final application any more
        JsonNode refused = Flow.json(flow.post("ent-a", "applications/" + id + "/withdraw", null), HttpStatus.CONFLICT);
        assertThat(refused.get("currentState").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aDecisionOnTheRoundTheReviewerReadIsRefusedAfterAResubmission() {
        String id = flow.submitted("ent-a", batch, "640106");
        flow.decide("rev-city", id, "RETURN", "请补充能源计量器具配备情况");
        Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.OK);

        // a second reviewer's screen still shows round 1: approving it would approve round 2 unread
        JsonNode stale = Flow.json(flow.post("rev-city", "applications/" + id + "/reviews",
                Map.of("decision", "APPROVE", "round", 1)), HttpStatus.CONFLICT);
        assertThat(stale.get("type").asString()).endsWith("round-changed");
        assertThat(stale.get("field").asString()).isEqualTo("round");
        assertThat(stale.get("currentRound").asInt()).isEqualTo(2);
        assertThat(flow.state(id)).isEqualTo("MUNICIPAL_REVIEW");
        JsonNode reviews = Flow.json(flow.get("rev-city", "applications/" + id + "/reviews"), HttpStatus.OK);
        assertThat(reviews.get("items")).hasSize(1);

        Flow.json(flow.post("rev-city", "applications/" + id + "/reviews",
                Map.of("decision", "APPROVE", "round", 2, "comment", "整改到位")), HttpStatus.CREATED);
        assertThat(flow.state(id)).isEqualTo("PROVINCIAL_REVIEW");
    }

    @Test
    void aMunicipalRejectionIsFinal() {
        String id = flow.submitted("ent-b", batch, "640202");
        flow.post("rev-city2", "applications/" + id + "/reviews", Map.of("decision", "REJECT"))
                .expectStatus().isBadRequest();
        flow.decide("rev-city2", id, "REJECT", "不属于绿色工厂申报范围");
        assertThat(flow.application("ent-b", id).get("state").asString()).isEqualTo("REJECTED");

        for (String action : List.of("submit", "withdraw")) {
            JsonNode problem = Flow.json(flow.post("ent-b", "applications/" + id + "/" + action, null), HttpStatus.CONFLICT);
            assertThat(problem.get("currentState").asString()).isEqualTo("REJECTED");
        }
        JsonNode problem = Flow.json(flow.post("rev-prov", "applications/" + id + "/reviews",
                Map.of("decision", "APPROVE")), HttpStatus.CONFLICT);
        assertThat(problem.get("currentState").asString()).isEqualTo("REJECTED");
        flow.put("ent-b", "applications/" + id, TestData.factory(batch, "640202")).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aMeanBelowThePassMarkRejects() {
        String id = flow.inExpertReview("ent-a", batch, "640104");
        flow.assign(id, "expert1", "expert2", "expert3");
        flow.score("expert1", id, 60).expectStatus().isCreated();
        flow.score("expert2", id, 72.5).expectStatus().isCreated();
        flow.score("expert3", id, 68).expectStatus().isCreated();
        JsonNode app = flow.application("ent-a", id);
        assertThat(app.get("state").asString()).isEqualTo("REJECTED");
        assertThat(app.get("expertMean").asString()).isEqualTo("66.83");
        JsonNode last = Flow.json(flow.get("ent-a", "applications/" + id + "/history"), HttpStatus.OK).get("items").get(5);
        assertThat(last.get("comment").asString()).contains("66.83").contains("未达合格线");
    }

    @Test
    void anEnterpriseWithdrawsBeforePublicityButNotDuring() {
        String id = flow.submitted("ent-a", batch, "640106");
        flow.decide("rev-city", id, "APPROVE", "同意");
        JsonNode withdrawn = Flow.json(flow.post("ent-a", "applications/" + id + "/withdraw",
                Map.of("comment", "企业决定下一批次再申报")), HttpStatus.OK);
        assertThat(withdrawn.get("state").asString()).isEqualTo("WITHDRAWN");
        JsonNode problem = Flow.json(flow.post("rev-prov", "applications/" + id + "/reviews",
                Map.of("decision", "APPROVE")), HttpStatus.CONFLICT);
        assertThat(problem.get("currentState").asString()).isEqualTo("WITHDRAWN");

        String draft = flow.draft("ent-a", batch, "640106");
        assertThat(Flow.json(flow.post("ent-a", "applications/" + draft + "/withdraw", null), HttpStatus.OK)
                .get("state").asString()).isEqualTo("WITHDRAWN");

        String published = flow.inPublicity("ent-a", batch, "640106");
        problem = Flow.json(flow.post("ent-a", "applications/" + published + "/withdraw", null), HttpStatus.CONFLICT);
        assertThat(problem.get("currentState").asString()).isEqualTo("PUBLICITY");
    }

    @Test
    void anUpheldObjectionRejectsAndClosesTheNotice() {
        String id = flow.inPublicity("ent-b", batch, "640202");
        long feedStart = notices.lastSequence();
        String plannedEnd = flow.application("rev-prov", id).get("publicityEndsAt").asString();
        flow.advance(Duration.ofDays(1));
        String client = TestData.clientAddress();
        String first = Flow.json(flow.objection(id, client, Map.of("name", "李四", "contact", "lisi@example.cn",
                "content", "该企业申报的工业用水重复利用率与实际严重不符。")), HttpStatus.CREATED).get("id").asString();
        String second = Flow.json(flow.objection(id, client, Map.of("name", "王五", "contact", "0951-5550000",
                "content", "同上，该企业去年曾因超标排放被处罚。")), HttpStatus.CREATED).get("id").asString();

        flow.post("rev-prov", "applications/" + id + "/objections/" + first + "/decision",
                Map.of("decision", "UPHOLD", "comment", "经核实情况属实")).expectStatus().isBadRequest();
        JsonNode upheld = Flow.json(flow.post("rev-prov", "applications/" + id + "/objections/" + first + "/decision",
                Map.of("decision", "UPHOLD", "outcome", "REJECT", "comment", "经核实，用水数据造假")), HttpStatus.OK);
        assertThat(upheld.get("status").asString()).isEqualTo("UPHELD");
        assertThat(flow.state(id)).isEqualTo("REJECTED");

        JsonNode objections = Flow.json(flow.get("rev-prov", "applications/" + id + "/objections"), HttpStatus.OK);
        assertThat(objections.get("items").valueStream().filter(o -> o.get("id").asString().equals(second))
                .findFirst().orElseThrow().get("status").asString()).isEqualTo("MOOT");
        flow.objection(id, TestData.clientAddress(), Map.of("name", "赵六", "contact", "13900000000",
                "content", "公示已经结束了吗？我还有异议要提。")).expectStatus().isEqualTo(HttpStatus.CONFLICT);

        List<NoticeChange> feed = notices.readAfter(feedStart, 100).stream()
                .filter(c -> c.getNotice().getApplicationId().equals(id)).toList();
        assertThat(feed).singleElement().satisfies(c -> {
            assertThat(c.getKind()).isEqualTo(NoticeChangeKind.NOTICE_CLOSED);
            assertThat(c.getNotice().getOutcome()).isEqualTo(NoticeOutcome.REJECTED);
            // it ended when the objection was upheld, four days before its planned end
            assertThat(c.getNotice().getEndsAt()).isEqualTo(c.getOccurredAt());
            assertThat(Instant.ofEpochSecond(c.getNotice().getEndsAt().getSeconds()))
                    .isBefore(OffsetDateTime.parse(plannedEnd).minusDays(3).toInstant());
        });
        // the planned end stays on the application
        assertThat(flow.application("rev-prov", id).get("publicityEndsAt").asString()).isEqualTo(plannedEnd);
        flow.advance(Duration.ofDays(6));
        assertThat(flow.state(id)).isEqualTo("REJECTED");
    }

    @Test
    void anUpheldObjectionCanReturnTheApplicationForANewRound() {
        String id = flow.inPublicity("ent-a", batch, "640106");
        String objection = Flow.json(flow.objection(id, TestData.clientAddress(), Map.of("name", "钱七",
                "contact", "13700000000", "content", "申报的单位产品能耗数据口径有误。")), HttpStatus.CREATED)
                .get("id").asString();
        Flow.json(flow.post("rev-prov", "applications/" + id + "/objections/" + objection + "/decision",
                Map.of("decision", "UPHOLD", "outcome", "RETURN", "comment", "请按统一口径重新核算能耗")), HttpStatus.OK);
        assertThat(flow.application("ent-a", id).get("state").asString()).isEqualTo("RETURNED");

        // an anonymous objector learns that the publicity has ended, not that it was returned
        JsonNode ended = Flow.json(flow.objection(id, TestData.clientAddress(), Map.of("name", "钱七",
                "contact", "13700000000", "content", "整改后的能耗数据仍与现场情况不符。")), HttpStatus.CONFLICT);
        assertThat(ended.get("type").asString()).endsWith("/not-in-publicity");
        assertThat(ended.has("currentState")).isFalse();

        JsonNode resubmitted = Flow.json(flow.post("ent-a", "applications/" + id + "/submit", null), HttpStatus.OK);
        assertThat(resubmitted.get("round").asInt()).isEqualTo(2);
        assertThat(resubmitted.get("state").asString()).isEqualTo("MUNICIPAL_REVIEW");
        assertThat(resubmitted.has("expertMean")).isFalse();
        // round 1's expert work stays on record, but round 2 needs its own assignment
        JsonNode scores = Flow.json(flow.get("rev-prov", "applications/" + id + "/scores"), HttpStatus.OK).get("items");
        assertThat(scores.size()).isEqualTo(3);
        assertThat(scores.valueStream().allMatch(s -> s.get("round").asInt() == 1)).isTrue();
    }
}
