package io.greenportal.certification.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.greenportal.certification.application.ApplicationRequest;
import io.greenportal.certification.application.ApplicationRequest.IndicatorInput;
import io.greenportal.certification.application.ApplicationService;
import io.greenportal.certification.application.Subject;
import io.greenportal.certification.batch.BatchService;
import io.greenportal.certification.document.DocumentService;
import io.greenportal.certification.engagement.EngagementRules;
import io.greenportal.certification.engagement.EngagementService;
import io.greenportal.certification.engagement.EvaluationAspects;
import io.greenportal.certification.evaluationbody.BodyRules;
import io.greenportal.certification.evaluationbody.EvaluationBody;
import io.greenportal.certification.evaluationbody.EvaluationBodyService;
import io.greenportal.certification.evaluationbody.EvaluationBodyStore;
import io.greenportal.certification.review.ExpertReviewService;
import io.greenportal.certification.review.Review;
import io.greenportal.certification.review.ReviewService;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The local portal's demo: this year's open batch (all four types, five days of publicity, pass mark
 * 70, three experts) and applications of the demo enterprises ent-a (Yinchuan) and ent-b (Shizuishan)
 * at different stages, so every demo account finds something in its queue. They go through the same
 * services as real ones (history, notices). Idempotent: the batch has a fixed id per year and each
 * application an idempotency key, so a restart creates nothing twice. ent-b is never approved here
 * (its demo fact is that it holds only a suspended listing). Two evaluation bodies are registered (the
 * demo evaluators eval-a's and eval-b's); eval-a's body evaluates every submitted demo application.
 */
@Component
@ConditionalOnProperty(name = "greenportal.demo-data", havingValue = "true")
public class DemoData {

    static final Caller ENT_A = new Caller("ent-a", Set.of(Caller.ENTERPRISE), "91640100MA76A00010", null, null);
    static final Caller ENT_B = new Caller("ent-b", Set.of(Caller.ENTERPRISE), "91640200MA76B00020", null, null);
    static final Caller REV_CITY = new Caller("rev-city", Set.of(Caller.MUNICIPAL), null, "640100", null);
    static final Caller REV_CITY2 = new Caller("rev-city2", Set.of(Caller.MUNICIPAL), null, "640200", null);
    static final Caller REV_PROV = new Caller("rev-prov", Set.of(Caller.PROVINCIAL), null, null, null);
    static final Caller ADMIN = new Caller("demo-data", Set.of(Caller.ADMIN), null, null, null);
    /** The demo evaluators' bodies (keycloak/greenportal-realm.json: eval-a and eval-b carry these codes). */
    static final String BODY_A = "91640100MA76E0001Y";
    static final String BODY_B = "91640100MA76E00022";
    static final Caller EVAL_A = new Caller("eval-a", Set.of(Caller.EVALUATOR), null, null, null, BODY_A);

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final List<IndicatorInput> FACTORY_INDICATORS = List.of(
            new IndicatorInput("ENERGY_PER_VALUE_ADDED", null, "0.412", "tce/万元"),
            new IndicatorInput("WATER_PER_VALUE_ADDED", null, "6.85", "m³/万元"),
            new IndicatorInput("SOLID_WASTE_UTILISATION", null, "93.6", "%"),
            new IndicatorInput("WATER_REUSE_RATE", null, "95.2", "%"));

    private final BatchService batches;
    private final ApplicationService applications;
    private final DocumentService documents;
    private final ReviewService reviews;
    private final ExpertReviewService experts;
    private final EvaluationBodyService bodies;
    private final EvaluationBodyStore bodyStore;
    private final EngagementService engagements;
    private final Clock clock;

    public DemoData(BatchService batches, ApplicationService applications, DocumentService documents,
            ReviewService reviews, ExpertReviewService experts, EvaluationBodyService bodies,
            EvaluationBodyStore bodyStore, EngagementService engagements, Clock clock) {
        this.bodies = bodies;
        this.bodyStore = bodyStore;
        this.engagements = engagements;
        this.batches = batches;
        this.applications = applications;
        this.documents = documents;
        this.reviews = reviews;
        this.experts = experts;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        try {
            evaluationBodies();
            UUID batch = batch();
            int created = 0;
            created += draft(batch) ? 1 : 0;
            created += municipalReview(batch) ? 1 : 0;
            created += provincialReview(batch) ? 1 : 0;
            created += returned(batch) ? 1 : 0;
            created += expertReview(batch) ? 1 : 0;
            created += publicity(batch) ? 1 : 0;
            log.info("demo data: batch {} and {} demo applications created now (the rest were there already)", batch,
                    created);
        } catch (RuntimeException e) {
            // the registry's reference data is needed; a later restart loads what is missing
            log.warn("demo data not (fully) loaded: {}", e.toString());
        }
    }

    /** Two registered bodies: eval-a's (every type) and eval-b's (factories and products). */
    void evaluationBodies() {
        OffsetDateTime now = Times.now(clock);
        if (bodyStore.findByCreditCode(BODY_A).isEmpty()) {
            bodies.create(ADMIN, new BodyRules.BodyRequest("宁夏节能低碳评价中心", BODY_A,
                    List.of("GREEN_FACTORY", "GREEN_PARK", "GREEN_PRODUCT", "GREEN_SUPPLY_CHAIN"),
                    now.toLocalDate().plusYears(3), "王工 0951-5551234", List.of()));
        }
        if (bodyStore.findByCreditCode(BODY_B).isEmpty()) {
            bodies.create(ADMIN, new BodyRules.BodyRequest("宁夏绿色制造评价服务有限公司", BODY_B,
                    List.of("GREEN_FACTORY", "GREEN_PRODUCT"), now.toLocalDate().plusYears(2), "李工 0951-5556789",
                    List.of()));
        }
    }

    UUID batch() {
        OffsetDateTime now = Times.now(clock);
        UUID id = UUID.nameUUIDFromBytes(("greenportal-demo-batch-" + now.getYear()).getBytes(StandardCharsets.UTF_8));
        if (batches.find(id).isEmpty()) {
            batches.create(id, new BatchService.BatchRequest(now.getYear() + "年度自治区级绿色制造名单申报（演示）",
                    now.getYear(), List.of("GREEN_FACTORY", "GREEN_PARK", "GREEN_PRODUCT", "GREEN_SUPPLY_CHAIN"),
                    now.minusDays(1), now.plusDays(60), 5, BigDecimal.valueOf(70), 3), "demo-data");
        }
        return id;
    }

    private boolean draft(UUID batch) {
        var request = new ApplicationRequest(batch, "GREEN_PRODUCT", "宁夏绿源新材料有限公司", "640106", "C26",
                // not the carbonate, whose designation ent-a holds already (registry demo): a firm applies for what it lacks
                new Subject(null, null, "电池级单水氢氧化锂", "LiOH·H2O≥56.5%", null, null), null, List.of(), null, null);
        return applications.create(ENT_A, request, "demo:draft", null).created();
    }

    private boolean municipalReview(UUID batch) {
        var created = applications.create(ENT_A, factory(batch, "宁夏绿源新材料有限公司", "640106", "C26",
                "宁东基地锂电材料生产线"), "demo:municipal", null);
        if (created.created()) {
            submit(ENT_A, created.application().id());
        }
        return created.created();
    }

    private boolean provincialReview(UUID batch) {
        var created = applications.create(ENT_B, factory(batch, "石嘴山塞上精细化工有限公司", "640202", "C26",
                "惠农精细化工生产基地"), "demo:provincial", null);
        if (created.created()) {
            UUID id = created.application().id();
            submit(ENT_B, id);
            reviews.decide(REV_CITY2, id, decision(Review.Decision.APPROVE, "材料齐全，指标真实，同意推荐"));
        }
        return created.created();
    }

    private boolean returned(UUID batch) {
        var request = new ApplicationRequest(batch, "GREEN_PARK", "石嘴山塞上精细化工有限公司", "640202", "C26",
                new Subject(null, "石嘴山高新技术产业开发区", null, null, null, "绿色园区评价要求"),
                new BigDecimal("78"), List.of(new IndicatorInput("SOLID_WASTE_UTILISATION", null, "64.0", "%")),
                "宁夏节能低碳评价中心", "NXJN-2025-0112 绿色园区评价报告");
        var created = applications.create(ENT_B, request, "demo:returned", null);
        if (created.created()) {
            UUID id = created.application().id();
            submit(ENT_B, id);
            reviews.decide(REV_CITY2, id, decision(Review.Decision.RETURN,
                    "绿色园区应由园区管委会申报；请补充园区固体废物综合利用率的统计口径说明"));
        }
        return created.created();
    }

    private boolean expertReview(UUID batch) {
        var request = new ApplicationRequest(batch, "GREEN_PRODUCT", "宁夏绿源新材料有限公司", "640106", "C26",
                new Subject(null, null, "磷酸铁锂正极材料", "LFP-N2", "电池材料", "T/CAGP 绿色设计产品评价技术规范"),
                new BigDecimal("84"), List.of(new IndicatorInput("CO2_PER_VALUE_ADDED", null, "1.36", "tCO₂/万元")),
                "中国电子技术标准化研究院", "CESI-GDP-2025-0456");
        var created = applications.create(ENT_A, request, "demo:expert", null);
        if (created.created()) {
            UUID id = created.application().id();
            submit(ENT_A, id);
            reviews.decide(REV_CITY, id, decision(Review.Decision.APPROVE, "同意推荐"));
            reviews.decide(REV_PROV, id, decision(Review.Decision.APPROVE, "复核通过，提交专家评审"));
            experts.assign(REV_PROV, id, new ExpertReviewService.AssignRequest(List.of("expert1", "expert2", "expert3")));
            experts.score(new Caller("expert1", Set.of(Caller.EXPERT), null, null, null), id,
                    new ExpertReviewService.ScoreRequest(new BigDecimal("82"), "产品碳足迹核算规范，建议通过"));
        }
        return created.created();
    }

    private boolean publicity(UUID batch) {
        var request = new ApplicationRequest(batch, "GREEN_SUPPLY_CHAIN", "宁夏绿源新材料有限公司", "640106", "C26",
                new Subject(null, null, null, null, null, "GB/T 33635-2017 绿色制造 制造企业绿色供应链管理 导则"),
                new BigDecimal("88"), List.of(new IndicatorInput("ENERGY_PER_VALUE_ADDED", null, "0.398", "tce/万元")),
                "宁夏节能低碳评价中心", "NXJN-2025-0233 绿色供应链管理企业评价报告");
        var created = applications.create(ENT_A, request, "demo:publicity", null);
        if (created.created()) {
            UUID id = created.application().id();
            submit(ENT_A, id);
            reviews.decide(REV_CITY, id, decision(Review.Decision.APPROVE, "同意推荐"));
            reviews.decide(REV_PROV, id, decision(Review.Decision.APPROVE, "复核通过"));
            experts.assign(REV_PROV, id, new ExpertReviewService.AssignRequest(List.of("expert1", "expert2", "expert3")));
            int[] scores = {86, 79, 91};
            for (int i = 0; i < 3; i++) {
                experts.score(new Caller("expert" + (i + 1), Set.of(Caller.EXPERT), null, null, null), id,
                        new ExpertReviewService.ScoreRequest(BigDecimal.valueOf(scores[i]), "供应链绿色管理体系健全"));
            }
        }
        return created.created();
    }

    private static ApplicationRequest factory(UUID batch, String name, String region, String industry, String site) {
        return new ApplicationRequest(batch, "GREEN_FACTORY", name, region, industry,
                new Subject(site, null, null, null, null, "GB/T 36132-2018 绿色工厂评价通则"), new BigDecimal("86.5"),
                FACTORY_INDICATORS, "宁夏节能低碳评价中心", "NXJN-2025-0371 绿色工厂第三方评价报告");
    }

    /** eval-a's body is engaged, confirms and reports (every aspect 85, total 86), then the enterprise submits. */
    private void submit(Caller enterprise, UUID id) {
        EvaluationBody body = bodyStore.findByCreditCode(BODY_A).orElseThrow();
        engagements.name(enterprise, id, new EngagementService.NameRequest(body.id()));
        engagements.confirm(EVAL_A, id);
        byte[] pdf = pdf("第三方评价报告 " + id);
        var type = applications.get(enterprise, id).type();
        var scores = new java.util.LinkedHashMap<String, BigDecimal>();
        EvaluationAspects.of(type).forEach(aspect -> scores.put(aspect, BigDecimal.valueOf(85)));
        engagements.report(EVAL_A, id, new DocumentService.Upload("第三方评价报告.pdf", pdf.length,
                new ByteArrayInputStream(pdf)), new EngagementRules.ReportRequest("NXJN-" + Times.now(clock).getYear()
                + "-" + id.toString().substring(0, 4), scores, BigDecimal.valueOf(86)));
        applications.submit(enterprise, id, "请审核");
    }

    private static ReviewService.DecisionRequest decision(Review.Decision decision, String comment) {
        return new ReviewService.DecisionRequest(decision, comment, null);
    }

    static byte[] pdf(String title) {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% demo: " + title
                + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
