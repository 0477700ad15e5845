package io.greenportal.certification.support;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationService;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.batch.BatchService;
import io.greenportal.certification.document.DocumentService;
import io.greenportal.certification.engagement.EngagementRules;
import io.greenportal.certification.engagement.EngagementService;
import io.greenportal.certification.engagement.EvaluationAspects;
import io.greenportal.certification.engagement.EvaluationCaps;
import io.greenportal.certification.evaluationbody.BodyRules;
import io.greenportal.certification.evaluationbody.EvaluationBody;
import io.greenportal.certification.evaluationbody.EvaluationBodyService;
import io.greenportal.certification.evaluationbody.EvaluationBodyStore;
import io.greenportal.certification.review.ExpertReviewService;
import io.greenportal.certification.review.Review;
import io.greenportal.certification.review.ReviewService;
import io.greenportal.certification.time.AdjustableClock;
import io.greenportal.platform.test.Waiting;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.springframework.context.ApplicationContext;

/**
 * Drives applications through the services for an enterprise that has no Keycloak account: a fresh
 * credit code per test, so listings it gets in the shared registry are its own and never change what
 * the demo accounts hold. Authorization is tested through REST with real tokens elsewhere.
 */
public final class ServiceFlow {

    public static final Caller MUNICIPAL_YINCHUAN = new Caller("rev-city", Set.of(Caller.MUNICIPAL), null, "640100", null);
    public static final Caller PROVINCIAL = new Caller("rev-prov", Set.of(Caller.PROVINCIAL), null, null, null);
    public static final Caller ADMIN = new Caller("admin", Set.of(Caller.ADMIN), null, null, null);
    public static final Caller EVAL_A = new Caller("eval-a", Set.of(Caller.EVALUATOR), null, null, null, TestData.BODY_A);

    private final ApplicationService applications;
    private final ApplicationStore store;
    private final DocumentService documents;
    private final ReviewService reviews;
    private final ExpertReviewService experts;
    private final BatchService batches;
    private final EvaluationBodyService bodies;
    private final EvaluationBodyStore bodyStore;
    private final EngagementService engagements;
    private final EvaluationCaps caps;
    private final AdjustableClock clock;

    public ServiceFlow(ApplicationContext context) {
        this.applications = context.getBean(ApplicationService.class);
        this.store = context.getBean(ApplicationStore.class);
        this.documents = context.getBean(DocumentService.class);
        this.reviews = context.getBean(ReviewService.class);
        this.experts = context.getBean(ExpertReviewService.class);
        this.batches = context.getBean(BatchService.class);
        this.bodies = context.getBean(EvaluationBodyService.class);
        this.bodyStore = context.getBean(EvaluationBodyStore.class);
        this.engagements = context.getBean(EngagementService.class);
        this.caps = context.getBean(EvaluationCaps.class);
        this.clock = (AdjustableClock) context.getBean(java.time.Clock.class);
    }

    /** A new enterprise in Yinchuan's Xixia district (640105), with its own valid credit code. */
    public static Caller newEnterprise() {
        String uscc = TestData.uscc("640105");
        return new Caller("ent-" + uscc.substring(10), Set.of(Caller.ENTERPRISE), uscc, null, null);
    }

    public static Caller expert(int n) {
        return new Caller("expert" + n, Set.of(Caller.EXPERT), null, null, null);
    }

    public UUID batch() {
        var now = Times.now(clock);
        UUID id = batches.create(new BatchService.BatchRequest("服务测试批次 " + System.nanoTime() % 100000, now.getYear(),
                List.of("GREEN_FACTORY"), now.minusMinutes(1), now.plusDays(30), 5, java.math.BigDecimal.valueOf(70), 3),
                "admin").id();
        caps.set(id, new EvaluationCaps.CapRequest(1000));
        return id;
    }

    /** eval-a's body (TestData.BODY_A), registered in this test database if it is not yet. */
    public EvaluationBody bodyA() {
        return bodyStore.findByCreditCode(TestData.BODY_A).orElseGet(() -> {
            try {
                return bodies.create(ADMIN, new BodyRules.BodyRequest("宁夏节能低碳评价中心", TestData.BODY_A,
                        List.of("GREEN_FACTORY", "GREEN_PARK", "GREEN_PRODUCT", "GREEN_SUPPLY_CHAIN"),
                        Times.now(clock).toLocalDate().plusYears(3), "王工 0951-5551234", List.of()));
            } catch (io.greenportal.platform.web.ApiException raced) {
                return bodyStore.findByCreditCode(TestData.BODY_A).orElseThrow(() -> raced);
            }
        });
    }

    /** The enterprise names eval-a's body, which confirms and reports (every aspect 85, total 86). */
    public void evaluated(Caller enterprise, UUID id) {
        evaluated(enterprise, id, bodyA().id(), EVAL_A);
    }

    /** The enterprise names this body, whose evaluator confirms and reports (every aspect 85, total 86). */
    public void evaluated(Caller enterprise, UUID id, UUID bodyId, Caller evaluator) {
        engagements.name(enterprise, id, new EngagementService.NameRequest(bodyId));
        engagements.confirm(evaluator, id);
        byte[] pdf = TestData.pdf("report " + id);
        var scores = new java.util.LinkedHashMap<String, java.math.BigDecimal>();
        EvaluationAspects.of(get(id).type()).forEach(a -> scores.put(a, java.math.BigDecimal.valueOf(85)));
        engagements.report(evaluator, id, new DocumentService.Upload("report.pdf", pdf.length, new ByteArrayInputStream(pdf)),
                new EngagementRules.ReportRequest("NXJN-2026-0999", scores, java.math.BigDecimal.valueOf(86)));
    }

    public UUID inPublicity(Caller enterprise, UUID batch) {
        return inPublicity(enterprise, batch, bodyA().id(), EVAL_A);
    }

    /** A fresh enterprise's draft (a green factory in Xixia), not yet evaluated. */
    public UUID draft(Caller enterprise, UUID batch) {
        String name = "宁夏测试" + enterprise.uscc().substring(10, 16) + "新材料有限公司";
        return applications.create(enterprise, TestData.factoryRequest(batch, name, "640105"), null).application().id();
    }

    /** Evaluated by this body, submitted: in MUNICIPAL_REVIEW. */
    public UUID submitted(Caller enterprise, UUID batch, UUID bodyId, Caller evaluator) {
        UUID id = draft(enterprise, batch);
        evaluated(enterprise, id, bodyId, evaluator);
        applications.submit(enterprise, id, null);
        return id;
    }

    /** Evaluated by this body, through both reviews and three experts (85 each): in PUBLICITY. */
    public UUID inPublicity(Caller enterprise, UUID batch, UUID bodyId, Caller evaluator) {
        UUID id = submitted(enterprise, batch, bodyId, evaluator);
        reviews.decide(MUNICIPAL_YINCHUAN, id, new ReviewService.DecisionRequest(Review.Decision.APPROVE, "同意", null));
        reviews.decide(PROVINCIAL, id, new ReviewService.DecisionRequest(Review.Decision.APPROVE, "同意", null));
        experts.assign(PROVINCIAL, id, new ExpertReviewService.AssignRequest(List.of("expert1", "expert2", "expert3")));
        for (int i = 1; i <= 3; i++) {
            experts.score(expert(i), id, new ExpertReviewService.ScoreRequest(java.math.BigDecimal.valueOf(85), "符合要求"));
        }
        return id;
    }

    /** In publicity, then its publicity ended: approved, with its registry listing. */
    public Application approved(Caller enterprise, UUID batch, UUID bodyId, Caller evaluator) throws InterruptedException {
        UUID id = inPublicity(enterprise, batch, bodyId, evaluator);
        advance(Duration.ofDays(6));
        return awaitListing(id);
    }

    /** A new ACTIVE body qualified for factories, with an evaluator of it (no Keycloak account: service level). */
    public record Body(UUID id, String creditCode, Caller evaluator) {
    }

    public Body newBody(String name) {
        String code = TestData.uscc("640100");
        UUID id = bodies.create(ADMIN, new BodyRules.BodyRequest(name, code, List.of("GREEN_FACTORY"),
                Times.now(clock).toLocalDate().plusYears(3), "测试联系人 0951-5550000", List.of())).id();
        return new Body(id, code, new Caller("eval-" + code.substring(10), Set.of(Caller.EVALUATOR), null, null, null, code));
    }

    public Application get(UUID id) {
        return store.find(id).orElseThrow();
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    /** Waits (up to 10 s) until the application carries its listing. */
    public Application awaitListing(UUID id) throws InterruptedException {
        return Waiting.atMost(Duration.ofSeconds(10), "application " + id + " gets its listing")
                .until(() -> get(id), application -> application.listingId() != null);
    }
}
