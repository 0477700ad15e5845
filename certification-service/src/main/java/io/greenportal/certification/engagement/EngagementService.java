package io.greenportal.certification.engagement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationAccess;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.application.EvaluationCheck;
import io.greenportal.certification.application.Workflow;
import io.greenportal.certification.document.Document;
import io.greenportal.certification.document.DocumentService;
import io.greenportal.certification.evaluationbody.BodyStatus;
import io.greenportal.certification.evaluationbody.EvaluationBody;
import io.greenportal.certification.evaluationbody.EvaluationBodyStore;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;
import io.greenportal.platform.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engagement of an evaluation body on an application (委托第三方评价): the enterprise names a
 * registered, active body qualified for the type; the body's staff confirm it (under the body's row
 * lock, so the per-batch cap holds however many confirm at once) and upload the report with its scores.
 * Submission needs a confirmed engagement with its report ({@link EvaluationCheck}).
 */
@Service
public class EngagementService implements EvaluationCheck {

    private final EngagementStore engagements;
    private final EvaluationBodyStore bodies;
    private final ApplicationStore applications;
    private final ApplicationAccess access;
    private final Workflow workflow;
    private final DocumentService documents;
    private final EvaluationCaps caps;
    private final Clock clock;

    public EngagementService(EngagementStore engagements, EvaluationBodyStore bodies, ApplicationStore applications,
            ApplicationAccess access, Workflow workflow, DocumentService documents, EvaluationCaps caps, Clock clock) {
        this.engagements = engagements;
        this.bodies = bodies;
        this.applications = applications;
        this.access = access;
        this.workflow = workflow;
        this.documents = documents;
        this.caps = caps;
        this.clock = clock;
    }

    public record NameRequest(UUID bodyId) {
    }

    /** The applicant names the body (again: the same body is a no-op; another replaces the one in force). */
    @Transactional
    public Engagement name(Caller caller, UUID applicationId, NameRequest request) {
        Application application = access.requireOwner(caller, workflow.lock(applicationId));
        if (request == null || request.bodyId() == null) {
            throw ApiException.invalid("bodyId", "name a registered evaluation body (its id in the public list)");
        }
        Workflow.require(application, ApplicationState.EDITABLE, "name an evaluation body for");
        EvaluationBody body = bodies.find(request.bodyId())
                .orElseThrow(() -> ApiException.invalid("bodyId", "no registered evaluation body " + request.bodyId()));
        OffsetDateTime now = Times.now(clock);
        EngagementRules.requireEligible(body, application, now.toLocalDate());
        var current = engagements.current(applicationId);
        if (current.isPresent() && current.get().bodyId().equals(body.id())) {
            return current.get();
        }
        current.ifPresent(e -> engagements.end(e.id(), EngagementStatus.REPLACED,
                "the enterprise named " + body.name() + " instead", now));
        UUID id = UUID.randomUUID();
        engagements.insert(id, applicationId, body.id(), application.batchId(), caller.username(), now);
        engagements.showOnApplication(applicationId, null, null, now);
        return engagements.current(applicationId).orElseThrow();
    }

    /**
     * The named body's staff accept the engagement. The body's row is locked first (every confirmation of
     * the body and its status changes queue there), then the application; the cap of the batch is counted
     * under that lock: of any number of concurrent confirmations exactly the cap succeed.
     */
    @Transactional
    public Engagement confirm(Caller evaluator, UUID applicationId) {
        Engagement seen = namingCaller(evaluator, applicationId);
        EvaluationBody body = bodies.lock(seen.bodyId()).orElseThrow();
        Application application = workflow.lock(applicationId);
        Engagement current = namingCaller(evaluator, applicationId);
        if (current.status() == EngagementStatus.CONFIRMED) {
            return current;
        }
        Workflow.require(application, ApplicationState.EDITABLE, "confirm an engagement on");
        OffsetDateTime now = Times.now(clock);
        EngagementRules.requireEligible(body, application, now.toLocalDate());
        EngagementRules.requireUnderCap(body, engagements.confirmedIn(body.id(), application.batchId()),
                caps.of(application.batchId()));
        engagements.confirm(current.id(), evaluator.username(), now);
        engagements.showOnApplication(applicationId, body.name(), null, now);
        return engagements.current(applicationId).orElseThrow();
    }

    /** The confirmed body's staff upload the report (a PDF) with the scores of every aspect of the standard. */
    @Transactional
    public Engagement report(Caller evaluator, UUID applicationId, DocumentService.Upload upload,
            EngagementRules.ReportRequest request) {
        Application application = workflow.lock(applicationId);
        Engagement current = namingCaller(evaluator, applicationId);
        if (current.status() != EngagementStatus.CONFIRMED) {
            throw ApiException.conflict("engagement-not-confirmed", "engagement",
                    "Confirm the engagement before uploading the report").withProperty("currentStatus", current.status().name());
        }
        Workflow.require(application, ApplicationState.EDITABLE, "upload an evaluation report to");
        EvaluationBody body = bodies.find(current.bodyId()).orElseThrow();
        if (body.status() != BodyStatus.ACTIVE) {
            throw ApiException.conflict("body-not-active", "engagement", "Evaluation body '" + body.name() + "' is "
                    + body.status()).withProperty("currentStatus", body.status().name());
        }
        EngagementRules.Report report = EngagementRules.check(application, request);
        Document document = documents.storeEvaluationReport(evaluator, application, upload);
        OffsetDateTime now = Times.now(clock);
        UUID previous = current.reportDocumentId();
        engagements.report(current.id(), document.id(), report, evaluator.username(), now);
        if (previous != null) {
            documents.dropUnsubmitted(application, previous);
        }
        engagements.showOnApplication(applicationId, body.name(), report.reportNumber(), now);
        return engagements.current(applicationId).orElseThrow();
    }

    /** The application's engagements, the one in force and those replaced or voided, for whoever may see it. */
    public List<Engagement> ofApplication(Caller caller, UUID applicationId) {
        access.visible(caller, applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("Application " + applicationId)));
        List<Engagement> all = engagements.ofApplication(applicationId);
        if (caller.has(Caller.EVALUATOR) && !caller.hasAny(Caller.PROVINCIAL, Caller.MUNICIPAL, Caller.ADMIN)) {
            return all.stream().filter(e -> e.bodyCreditCode().equals(caller.evaluationBody())).toList();
        }
        return all;
    }

    /** An evaluator's list: the engagements naming their body (default: those in force). */
    public Page<EngagementStore.Listed> ofBody(Caller evaluator, List<EngagementStatus> statuses, int page, int size) {
        String code = requireBody(evaluator);
        List<String> wanted = (statuses == null || statuses.isEmpty()
                ? List.of(EngagementStatus.REQUESTED, EngagementStatus.CONFIRMED) : statuses)
                .stream().map(Enum::name).toList();
        return new Page<>(engagements.ofBody(code, wanted, page, size), page, size, engagements.countOfBody(code, wanted));
    }

    @Override
    public Readiness readiness(UUID applicationId) {
        var current = engagements.current(applicationId);
        boolean confirmed = current.filter(e -> e.status() == EngagementStatus.CONFIRMED)
                .flatMap(e -> bodies.find(e.bodyId())).filter(b -> b.status() == BodyStatus.ACTIVE).isPresent();
        return new Readiness(confirmed, confirmed && current.get().reported());
    }

    /** The engagement in force if it names the evaluator's body; 404 otherwise (another body's work is not theirs to see). */
    private Engagement namingCaller(Caller evaluator, UUID applicationId) {
        String code = requireBody(evaluator);
        return engagements.current(applicationId).filter(e -> e.bodyCreditCode().equals(code))
                .orElseThrow(() -> ApiException.notFound("Application " + applicationId));
    }

    static String requireBody(Caller caller) {
        if (caller.evaluationBody() == null) {
            throw ApiException.forbidden("Your account carries no evaluation body (claim evaluation_body)");
        }
        return caller.evaluationBody();
    }
}
