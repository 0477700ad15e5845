package io.greenportal.certification.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationAccess;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.application.Workflow;
import io.greenportal.certification.batch.Batch;
import io.greenportal.certification.batch.BatchStore;
import io.greenportal.certification.publicity.PublicityService;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.greenportal.platform.web.FreeText;

/**
 * Expert review (专家评审): a provincial reviewer assigns at least the batch's minimum of experts;
 * each scores once (0-100 with a comment). When the last assigned expert has scored, the mean
 * against the batch's pass mark decides: publicity, or rejection.
 */
@Service
public class ExpertReviewService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final Workflow workflow;
    private final ApplicationAccess access;
    private final ApplicationStore applications;
    private final BatchStore batches;
    private final PublicityService publicity;
    private final ExpertDirectory experts;
    private final io.greenportal.certification.conflict.ExpertConflicts conflicts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ExpertReviewService(Workflow workflow, ApplicationAccess access, ApplicationStore applications,
            BatchStore batches, PublicityService publicity, ExpertDirectory experts,
            io.greenportal.certification.conflict.ExpertConflicts conflicts, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.workflow = workflow;
        this.access = access;
        this.applications = applications;
        this.batches = batches;
        this.publicity = publicity;
        this.experts = experts;
        this.conflicts = conflicts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Assignment(int round, String expert, String assignedBy, OffsetDateTime assignedAt, boolean scored) {
    }

    public record Score(int round, String expert, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal score,
            String comment, OffsetDateTime scoredAt) {
    }

    public record AssignRequest(List<String> experts) {
    }

    public record ScoreRequest(BigDecimal score, @FreeText(max = 2000) String comment) {
    }

    /**
     * Sets the round's experts. Keycloak is asked who is an expert before the application is locked
     * (a slow Keycloak then holds no lock and no pooled connection); under the lock the plan is made
     * again from the current rows, and should it now add a name Keycloak was not asked about (another
     * reviewer changed the assignments meanwhile), that name is asked about and the plan made again.
     */
    public List<Assignment> assign(Caller caller, UUID applicationId, AssignRequest request) {
        Set<String> wanted = wanted(request);
        Set<String> verified = new HashSet<>();
        Plan plan = plan(caller, applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("Application " + applicationId)), wanted);
        for (int attempt = 0; attempt < 3; attempt++) {
            verify(plan.added().stream().filter(name -> !verified.contains(name)).toList(), verified);
            List<Assignment> result = transactions.execute(status -> {
                Plan locked = plan(caller, workflow.lock(applicationId), wanted);
                return verified.containsAll(locked.added()) ? apply(caller, locked) : null;
            });
            if (result != null) {
                return result;
            }
            plan = plan(caller, applications.find(applicationId).orElseThrow(), wanted);
        }
        throw ApiException.conflict("assignments-changing", "experts",
                "The experts of this application are being changed by someone else right now; try again");
    }

    private static Set<String> wanted(AssignRequest request) {
        if (request == null || request.experts() == null || request.experts().isEmpty()) {
            throw ApiException.invalid("experts", "name the experts (their user names) to assign");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String expert : request.experts()) {
            String name = expert == null ? "" : expert.strip();
            if (!USERNAME.matcher(name).matches()) {
                throw ApiException.invalid("experts", "'" + expert + "' is not a user name");
            }
            wanted.add(name);
        }
        return wanted;
    }

    /** Asks Keycloak about these names (400 naming those that are not experts, 503 if it cannot be asked). */
    private void verify(List<String> names, Set<String> verified) {
        if (names.isEmpty()) {
            return;
        }
        List<String> refused = experts.notExperts(names);
        if (!refused.isEmpty()) {
            throw ApiException.invalid("experts", "not users with the expert role: " + String.join(", ", refused))
                    .withProperty("unknownExperts", refused);
        }
        verified.addAll(names);
    }

    /** What assigning {@code wanted} does to the application's current round, refused (4xx) if it may not. */
    private record Plan(Application application, List<String> added, List<String> dropped) {
    }

    private Plan plan(Caller caller, Application found, Set<String> wanted) {
        Application application = access.visible(caller, found);
        Workflow.require(application, Set.of(ApplicationState.EXPERT_REVIEW), "assign experts to");
        Batch batch = batches.find(application.batchId()).orElseThrow();
        List<Assignment> existing = assignments(application.id(), application.round());
        // the request names the round's experts: unscored assignees it leaves out are replaced;
        // whoever has scored stays, named or not
        Set<String> all = new LinkedHashSet<>();
        existing.stream().filter(Assignment::scored).forEach(a -> all.add(a.expert()));
        all.addAll(wanted);
        if (all.size() < batch.minExperts()) {
            throw ApiException.invalid("experts", "batch '" + batch.name() + "' needs at least " + batch.minExperts()
                    + " experts per application; " + all.size() + " would be assigned");
        }
        if (all.size() > 15) {
            throw ApiException.invalid("experts", "at most 15 experts per application");
        }
        Set<String> assigned = new LinkedHashSet<>();
        existing.forEach(a -> assigned.add(a.expert()));
        List<String> added = wanted.stream().filter(name -> !assigned.contains(name)).toList();
        List<String> dropped = existing.stream().filter(a -> !a.scored() && !all.contains(a.expert()))
                .map(Assignment::expert).toList();
        return new Plan(application, added, dropped);
    }

    private List<Assignment> apply(Caller caller, Plan plan) {
        Application application = plan.application();
        // declared conflicts of interest (the enterprise, the body evaluating it) refuse the assignment
        conflicts.refuseConflicted(application, plan.added());
        if (!plan.dropped().isEmpty()) {
            jdbc.sql("delete from expert_assignment where application_id = :app and round = :round and expert in (:experts) "
                            + "and not exists (select 1 from expert_score s where s.application_id = :app "
                            + "and s.round = :round and s.expert = expert_assignment.expert)")
                    .param("app", application.id()).param("round", application.round()).param("experts", plan.dropped())
                    .update();
        }
        OffsetDateTime now = Times.now(clock);
        for (String expert : plan.added()) {
            jdbc.sql("""
                    insert into expert_assignment (application_id, round, expert, assigned_by, assigned_at)
                    values (:app, :round, :expert, :by, :at) on conflict do nothing""")
                    .param("app", application.id()).param("round", application.round()).param("expert", expert)
                    .param("by", caller.username()).param("at", now).update();
        }
        List<Assignment> result = assignments(application.id(), application.round());
        // dropping the one expert who had not scored can leave every remaining one scored
        closeIfComplete(application);
        return result;
    }

    /** Provincial reviewers see every assignment; an expert only their own. */
    public List<Assignment> assignments(Caller caller, UUID applicationId) {
        Application application = visible(caller, applicationId);
        List<Assignment> all = jdbc.sql(ASSIGNMENTS + " where a.application_id = :app order by a.round, a.assigned_at, a.expert")
                .param("app", application.id()).query(ExpertReviewService::assignment).list();
        if (caller.hasAny(Caller.PROVINCIAL, Caller.ADMIN)) {
            return all;
        }
        if (caller.has(Caller.EXPERT)) {
            return all.stream().filter(a -> a.expert().equals(caller.username())).toList();
        }
        throw ApiException.forbidden("Expert assignments are for provincial reviewers and the experts themselves");
    }

    @Transactional
    public Score score(Caller caller, UUID applicationId, ScoreRequest request) {
        if (request == null || request.score() == null) {
            throw ApiException.invalid("score", "is required: 0-100");
        }
        BigDecimal value = request.score();
        String problem = ExpertScores.problem(value);
        if (problem != null) {
            throw ApiException.invalid("score", problem);
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment == null) {
            throw ApiException.invalid("comment", "an expert's score comes with a comment");
        }
        if (comment.length() > 4000) {
            throw ApiException.invalid("comment", "must be at most 4000 characters");
        }
        Application application = workflow.lock(applicationId);
        if (!access.isAssigned(applicationId, caller.username())) {
            throw ApiException.notFound("Application " + applicationId);
        }
        Workflow.require(application, Set.of(ApplicationState.EXPERT_REVIEW), "score");
        if (!isAssigned(applicationId, application.round(), caller.username())) {
            throw ApiException.forbidden("You are not assigned to the current round of this application");
        }
        if (conflicts.isConflicted(application, caller.username())) {
            throw ApiException.conflict("conflict-of-interest", "score", "You declared a conflict of interest with this "
                    + "enterprise or its evaluation body: ask the provincial reviewer to assign another expert");
        }
        boolean already = jdbc.sql("select exists (select 1 from expert_score where application_id = :app "
                        + "and round = :round and expert = :expert)")
                .param("app", applicationId).param("round", application.round()).param("expert", caller.username())
                .query(Boolean.class).single();
        if (already) {
            throw new ApiException(HttpStatus.CONFLICT, "already-scored", "score",
                    "You have already scored this application; a score cannot be changed");
        }
        OffsetDateTime now = Times.now(clock);
        BigDecimal score = value.setScale(2, RoundingMode.UNNECESSARY);
        jdbc.sql("""
                insert into expert_score (application_id, round, expert, score, comment, scored_at)
                values (:app, :round, :expert, :score, :comment, :at)""")
                .param("app", applicationId).param("round", application.round()).param("expert", caller.username())
                .param("score", score).param("comment", comment).param("at", now).update();
        closeIfComplete(application);
        return new Score(application.round(), caller.username(), score, comment, now);
    }

    /** When every assigned expert has scored (and at least the batch's minimum are assigned), the mean decides. */
    private void closeIfComplete(Application application) {
        Batch batch = batches.find(application.batchId()).orElseThrow();
        var counts = jdbc.sql("""
                select count(*), count(s.expert), avg(s.score) from expert_assignment a
                left join expert_score s on s.application_id = a.application_id and s.round = a.round and s.expert = a.expert
                where a.application_id = :app and a.round = :round""")
                .param("app", application.id()).param("round", application.round())
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3)}).single();
        int assigned = (int) counts[0];
        int scored = (int) counts[1];
        if (!ExpertScores.complete(assigned, scored, batch.minExperts())) {
            return;
        }
        BigDecimal mean = ExpertScores.mean((BigDecimal) counts[2]);
        applications.setExpertMean(application.id(), mean);
        String verdict = "专家评审平均分 " + mean.toPlainString() + "（" + scored + " 位专家），合格线 "
                + batch.passMark().toPlainString();
        if (ExpertScores.passes(mean, batch.passMark())) {
            Application inPublicity = workflow.move(application, ApplicationState.PUBLICITY, Caller.SYSTEM,
                    verdict + "：通过，进入公示");
            publicity.start(inPublicity, batch);
        } else {
            workflow.move(application, ApplicationState.REJECTED, Caller.SYSTEM, verdict + "：未达合格线，不予通过");
        }
    }

    /** Provincial reviewers and administrators see every score; an expert only their own. */
    public List<Score> scores(Caller caller, UUID applicationId) {
        Application application = visible(caller, applicationId);
        List<Score> all = jdbc.sql("select round, expert, score, comment, scored_at from expert_score "
                        + "where application_id = :app order by round, scored_at")
                .param("app", application.id())
                .query((rs, n) -> new Score(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                        Times.local(rs.getObject(5, OffsetDateTime.class))))
                .list();
        if (caller.hasAny(Caller.PROVINCIAL, Caller.ADMIN)) {
            return all;
        }
        if (caller.has(Caller.EXPERT)) {
            return all.stream().filter(s -> s.expert().equals(caller.username())).toList();
        }
        throw ApiException.forbidden("Expert scores are for provincial reviewers and the experts themselves");
    }

    private Application visible(Caller caller, UUID applicationId) {
        return access.visible(caller, applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("Application " + applicationId)));
    }

    private List<Assignment> assignments(UUID applicationId, int round) {
        return jdbc.sql(ASSIGNMENTS + " where a.application_id = :app and a.round = :round order by a.assigned_at, a.expert")
                .param("app", applicationId).param("round", round).query(ExpertReviewService::assignment).list();
    }

    private boolean isAssigned(UUID applicationId, int round, String expert) {
        return jdbc.sql("select exists (select 1 from expert_assignment where application_id = :app and round = :round "
                        + "and expert = :expert)")
                .param("app", applicationId).param("round", round).param("expert", expert).query(Boolean.class).single();
    }

    private static final String ASSIGNMENTS = """
            select a.round, a.expert, a.assigned_by, a.assigned_at, s.expert is not null
            from expert_assignment a
            left join expert_score s on s.application_id = a.application_id and s.round = a.round and s.expert = a.expert""";

    private static Assignment assignment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Assignment(rs.getInt(1), rs.getString(2), rs.getString(3),
                Times.local(rs.getObject(4, OffsetDateTime.class)), rs.getBoolean(5));
    }
}
