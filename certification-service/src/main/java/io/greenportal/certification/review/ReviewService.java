package io.greenportal.certification.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationAccess;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.Workflow;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.greenportal.platform.web.FreeText;

/**
 * The municipal (市级初审) and provincial (省级复核) stages: approve sends the application on, return
 * sends it back to the enterprise with comments, reject ends it with a reason. A reviewer decides
 * only the stage of their role, and a municipal reviewer only their city's applications.
 */
@Service
public class ReviewService {

    private final Workflow workflow;
    private final ApplicationAccess access;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ReviewService(Workflow workflow, ApplicationAccess access, JdbcClient jdbc, Clock clock) {
        this.workflow = workflow;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * {@code round}: the submission round the reviewer read (the application's {@code round}). Optional;
     * when given, a decision on any other round is refused, so that a return and a resubmission between
     * reading and deciding never get the new submission approved unread.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReviewDecisionRequest")
    public record DecisionRequest(Review.Decision decision, @FreeText(max = 2000) String comment, Integer round) {
    }

    @Transactional
    public Review decide(Caller caller, UUID applicationId, DecisionRequest request) {
        if (request == null || request.decision() == null) {
            throw ApiException.invalid("decision", "is required: APPROVE, RETURN or REJECT");
        }
        // scope and stage first: outside them the answer is 404 / 409 whatever the body says
        Application application = access.visible(caller, workflow.lock(applicationId));
        ApplicationState stage = stageOf(caller, application);
        Workflow.require(application, Set.of(stage), "decide the " + stage.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " of");
        requireRoundRead(request.round(), application.round());
        String comment = comment(request.decision(), request.comment());
        ApplicationState next = next(stage, request.decision());
        OffsetDateTime now = Times.now(clock);
        Review review = new Review(UUID.randomUUID(), applicationId, application.round(), stage, request.decision(),
                comment, caller.username(), now);
        jdbc.sql("""
                insert into review (id, application_id, round, stage, decision, comment, reviewer, decided_at)
                values (:id, :app, :round, :stage, :decision, :comment, :reviewer, :at)""")
                .param("id", review.id()).param("app", applicationId).param("round", review.round())
                .param("stage", stage.name()).param("decision", review.decision().name()).param("comment", comment)
                .param("reviewer", review.reviewer()).param("at", now)
                .update();
        workflow.move(application, next, caller, comment);
        return review;
    }

    /** The round the reviewer read, when they name one, must be the one under review. */
    static void requireRoundRead(Integer read, int current) {
        if (read == null) {
            return;
        }
        if (read < 1) {
            throw ApiException.invalid("round", "must be the submission round you read, 1 or more");
        }
        if (read > current) {
            throw ApiException.invalid("round", "there is no round " + read + ": the application is in round " + current);
        }
        if (read != current) {
            throw ApiException.conflict("round-changed", "round", "You read round " + read
                    + ", but the application is now in round " + current
                    + " (it was returned and resubmitted since): read the new submission before deciding")
                    .withProperty("currentRound", current);
        }
    }

    /** The decision's comment, stripped: a return needs one telling what to change, a rejection its reason. */
    static String comment(Review.Decision decision, String text) {
        String comment = text == null || text.isBlank() ? null : text.strip();
        if (comment != null && comment.length() > 2000) {
            throw ApiException.invalid("comment", "must be at most 2000 characters");
        }
        if (comment == null && decision == Review.Decision.RETURN) {
            throw ApiException.invalid("comment", "a return needs comments telling the enterprise what to change");
        }
        if (comment == null && decision == Review.Decision.REJECT) {
            throw ApiException.invalid("comment", "a rejection needs its reason");
        }
        return comment;
    }

    /** Where a decision of a review stage sends the application. */
    static ApplicationState next(ApplicationState stage, Review.Decision decision) {
        return switch (decision) {
            case APPROVE -> stage == ApplicationState.MUNICIPAL_REVIEW ? ApplicationState.PROVINCIAL_REVIEW
                    : ApplicationState.EXPERT_REVIEW;
            case RETURN -> ApplicationState.RETURNED;
            case REJECT -> ApplicationState.REJECTED;
        };
    }

    /** The stage this caller's role decides; when a caller holds both reviewer roles, the one the application is in. */
    static ApplicationState stageOf(Caller caller, Application application) {
        boolean municipal = caller.has(Caller.MUNICIPAL) && caller.cityCode() != null
                && caller.cityCode().equals(application.cityCode());
        boolean provincial = caller.has(Caller.PROVINCIAL);
        if (municipal && provincial) {
            return application.state() == ApplicationState.MUNICIPAL_REVIEW ? ApplicationState.MUNICIPAL_REVIEW
                    : ApplicationState.PROVINCIAL_REVIEW;
        }
        if (municipal) {
            return ApplicationState.MUNICIPAL_REVIEW;
        }
        if (provincial) {
            return ApplicationState.PROVINCIAL_REVIEW;
        }
        throw ApiException.forbidden("Only municipal and provincial reviewers decide reviews");
    }

    public List<Review> list(UUID applicationId) {
        return jdbc.sql("select id, application_id, round, stage, decision, comment, reviewer, decided_at from review "
                        + "where application_id = :id order by decided_at, id")
                .param("id", applicationId)
                .query((rs, n) -> new Review(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        ApplicationState.valueOf(rs.getString(4)), Review.Decision.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), Times.local(rs.getObject(8, OffsetDateTime.class))))
                .list();
    }
}
