package io.greenportal.certification.publicity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationAccess;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.application.Workflow;
import io.greenportal.certification.batch.BatchStore;
import io.greenportal.certification.noticefeed.Notices;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.TextRule;
import io.greenportal.platform.web.Times;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.greenportal.platform.web.FreeText;

/**
 * Objections during publicity: anyone files (real name, contact, content); a provincial reviewer
 * upholds (rejecting or returning the application at once) or dismisses each one.
 */
@Service
public class ObjectionService {

    private final Workflow workflow;
    private final ApplicationStore applications;
    private final ApplicationAccess access;
    private final BatchStore batches;
    private final Notices notices;
    private final PublicityService publicity;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ObjectionService(Workflow workflow, ApplicationStore applications, ApplicationAccess access,
            BatchStore batches, Notices notices, PublicityService publicity, JdbcClient jdbc, Clock clock) {
        this.workflow = workflow;
        this.applications = applications;
        this.access = access;
        this.batches = batches;
        this.notices = notices;
        this.publicity = publicity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ObjectionRequest(String name, String contact, @FreeText String content) {
    }

    @Transactional
    public Objection file(UUID applicationId, ObjectionRequest request, String client) {
        List<Violation> violations = new ArrayList<>();
        String name = text(request == null ? null : request.name(), "name", 2, 50, violations);
        String contact = text(request == null ? null : request.contact(), "contact", 5, 100, violations);
        String content = request == null || request.content() == null ? null : request.content().strip();
        if (content == null || content.length() < 10) {
            violations.add(new Violation("content", "state the objection and its grounds (at least 10 characters)"));
        } else if (content.length() > TextRule.FREE_TEXT_MAX) {
            // what every free text takes (the JSON reader refuses more before this line is reached)
            violations.add(new Violation("content", "must be at most " + TextRule.FREE_TEXT_MAX + " characters"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        Application application = applications.lock(applicationId)
                .filter(a -> a.publicityStartsAt() != null || a.state() == ApplicationState.PUBLICITY)
                .orElseThrow(() -> ApiException.notFound("Publicity notice for application " + applicationId));
        OffsetDateTime now = Times.now(clock);
        if (application.state() != ApplicationState.PUBLICITY || !now.isBefore(application.publicityEndsAt())) {
            // anyone may ask: the answer says no more than the public notice (never the application's state now)
            throw new ApiException(HttpStatus.CONFLICT, "not-in-publicity", null,
                    "Objections are taken only during the publicity period, which for this application has ended");
        }
        Objection objection = new Objection(UUID.randomUUID(), applicationId, application.round(), name, contact,
                content, Objection.Status.PENDING, null, null, null, null, now);
        jdbc.sql("""
                insert into objection (id, application_id, round, objector_name, objector_contact, content, client,
                    status, filed_at)
                values (:id, :app, :round, :name, :contact, :content, :client, 'PENDING', :at)""")
                .param("id", objection.id()).param("app", applicationId).param("round", objection.round())
                .param("name", name).param("contact", contact).param("content", content).param("client", client)
                .param("at", now).update();
        return objection;
    }

    /** Everyone who may see the application sees its objections; only provincial reviewers see who objected. */
    public List<Objection> list(Caller caller, UUID applicationId) {
        access.visible(caller, applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("Application " + applicationId)));
        List<Objection> all = jdbc.sql(SELECT + " where application_id = :id order by filed_at, id")
                .param("id", applicationId).query(ObjectionService::map).list();
        return caller.has(Caller.PROVINCIAL) ? all : all.stream().map(Objection::withoutObjector).toList();
    }

    public enum Verdict {
        UPHOLD, DISMISS
    }

    // named apart from the review's DecisionRequest: one schema name each in the OpenAPI document
    @io.swagger.v3.oas.annotations.media.Schema(name = "ObjectionDecisionRequest")
    public record DecisionRequest(Verdict decision, Objection.Outcome outcome, @FreeText(max = 2000) String comment) {
    }

    @Transactional
    public Objection decide(Caller caller, UUID applicationId, UUID objectionId, DecisionRequest request) {
        if (request == null || request.decision() == null) {
            throw ApiException.invalid("decision", "is required: UPHOLD or DISMISS");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment == null) {
            throw ApiException.invalid("comment", "a decision on an objection states its finding");
        }
        if (comment.length() > 2000) {
            throw ApiException.invalid("comment", "must be at most 2000 characters");
        }
        if (request.decision() == Verdict.UPHOLD && request.outcome() == null) {
            throw ApiException.invalid("outcome", "an upheld objection either REJECTs or RETURNs the application");
        }
        if (request.decision() == Verdict.DISMISS && request.outcome() != null) {
            throw ApiException.invalid("outcome", "only an upheld objection has an outcome; a dismissed one leaves the "
                    + "application as it is");
        }
        Application application = access.visible(caller, workflow.lock(applicationId));
        Objection objection = jdbc.sql(SELECT + " where id = :id and application_id = :app")
                .param("id", objectionId).param("app", applicationId).query(ObjectionService::map).optional()
                .orElseThrow(() -> ApiException.notFound("Objection " + objectionId));
        if (objection.status() != Objection.Status.PENDING) {
            throw new ApiException(HttpStatus.CONFLICT, "objection-decided", "decision",
                    "This objection was already decided: " + objection.status())
                    .withProperty("currentStatus", objection.status().name());
        }
        OffsetDateTime now = Times.now(clock);
        if (request.decision() == Verdict.UPHOLD) {
            Workflow.require(application, Set.of(ApplicationState.PUBLICITY), "uphold an objection against");
            ApplicationState to = request.outcome() == Objection.Outcome.REJECT ? ApplicationState.REJECTED
                    : ApplicationState.RETURNED;
            Application closed = workflow.move(application, to, caller, "异议成立：" + comment);
            setDecision(objectionId, Objection.Status.UPHELD, request.outcome(), comment, caller, now);
            jdbc.sql("update objection set status = 'MOOT' where application_id = :app and round = :round and status = 'PENDING'")
                    .param("app", applicationId).param("round", application.round()).update();
            notices.closed(closed, batches.find(closed.batchId()).orElseThrow(),
                    to == ApplicationState.REJECTED ? NoticeOutcome.REJECTED : NoticeOutcome.RETURNED, now);
        } else {
            setDecision(objectionId, Objection.Status.DISMISSED, null, comment, caller, now);
            // the last pending objection of an ended publicity was what kept it open
            publicity.closeIfEnded(applicationId);
        }
        return jdbc.sql(SELECT + " where id = :id").param("id", objectionId).query(ObjectionService::map).single();
    }

    private void setDecision(UUID id, Objection.Status status, Objection.Outcome outcome, String comment, Caller caller,
            OffsetDateTime now) {
        jdbc.sql("update objection set status = :status, outcome = :outcome, decision_comment = :comment, "
                        + "decided_by = :by, decided_at = :at where id = :id")
                .param("id", id).param("status", status.name()).param("outcome", outcome == null ? null : outcome.name())
                .param("comment", comment).param("by", caller.username()).param("at", now).update();
    }

    private static String text(String value, String field, int min, int max, List<Violation> violations) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            violations.add(new Violation(field, "is required (" + min + "-" + max + " characters)"));
            return null;
        }
        if (trimmed.length() < min) {
            violations.add(new Violation(field, "must be " + min + "-" + max + " characters, not " + trimmed.length()));
            return null;
        }
        if (trimmed.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(field, "must not contain control characters"));
        }
        return trimmed;
    }

    private static final String SELECT = "select id, application_id, round, objector_name, objector_contact, content, "
            + "status, outcome, decision_comment, decided_by, decided_at, filed_at from objection";

    private static Objection map(ResultSet rs, int n) throws SQLException {
        return new Objection(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), Objection.Status.valueOf(rs.getString(7)),
                rs.getString(8) == null ? null : Objection.Outcome.valueOf(rs.getString(8)), rs.getString(9),
                rs.getString(10), Times.local(rs.getObject(11, OffsetDateTime.class)),
                Times.local(rs.getObject(12, OffsetDateTime.class)));
    }
}
