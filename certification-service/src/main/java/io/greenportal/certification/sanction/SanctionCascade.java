package io.greenportal.certification.sanction;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.Workflow;
import io.greenportal.certification.batch.BatchStore;
import io.greenportal.certification.evaluationbody.EvaluationBody;
import io.greenportal.certification.evaluationbody.EvaluationBodyService;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.certification.noticefeed.Notices;
import io.greenportal.platform.web.Caller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a sanction of an evaluation body does, in the sanctioning transaction (the body's row locked
 * first, then each application, the order every confirmation takes too): every report the body made in
 * the look-back period ({@code greenportal.evaluation.sanction-look-back}, two years) is flagged; an open
 * application it evaluated goes back to the enterprise (RETURNED, the engagement VOIDED) to engage
 * another body; an approved listing gets a review task for the provincial reviewers, who decide its
 * fate (no automatic revocation). Rejected and withdrawn applications are only flagged.
 */
@Component
public class SanctionCascade implements EvaluationBodyService.SanctionListener {

    private static final Logger log = LoggerFactory.getLogger(SanctionCascade.class);
    /** In review: back to the enterprise with a comment. DRAFT and RETURNED only lose the engagement. */
    static final Set<ApplicationState> IN_REVIEW = Set.of(ApplicationState.SUBMITTED, ApplicationState.MUNICIPAL_REVIEW,
            ApplicationState.PROVINCIAL_REVIEW, ApplicationState.EXPERT_REVIEW, ApplicationState.PUBLICITY);

    private final JdbcClient jdbc;
    private final Workflow workflow;
    private final Notices notices;
    private final BatchStore batches;
    private final Period lookBack;

    public SanctionCascade(JdbcClient jdbc, Workflow workflow, Notices notices, BatchStore batches, Clock clock,
            @Value("${greenportal.evaluation.sanction-look-back:P2Y}") Period lookBack) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.notices = notices;
        this.batches = batches;
        this.lookBack = lookBack;
    }

    /** The engagements with a report of the body since {@code since}, oldest first. */
    record Reported(UUID engagementId, UUID applicationId, String status) {
    }

    @Override
    public void sanctioned(EvaluationBody body, String reason, Caller actor, OffsetDateTime at) {
        OffsetDateTime since = at.minus(lookBack);
        List<Reported> reported = jdbc.sql("""
                select id, application_id, status from engagement
                where body_id = :body and status in ('CONFIRMED', 'REQUESTED', 'REPLACED')
                  and (reported_at >= :since or (reported_at is null and status in ('CONFIRMED', 'REQUESTED')))
                order by application_id""")
                .param("body", body.id()).param("since", since)
                .query((rs, n) -> new Reported(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
        String flag = "评价机构 " + body.name() + " 被处罚：" + reason;
        int returned = 0;
        int tasks = 0;
        for (Reported r : reported) {
            jdbc.sql("update engagement set flagged_at = :at, flagged_reason = :reason where id = :id")
                    .param("id", r.engagementId()).param("at", at).param("reason", flag).update();
            if (r.status().equals("REPLACED")) {
                continue;
            }
            Application application = workflow.lock(r.applicationId());
            if (ApplicationState.EDITABLE.contains(application.state()) || IN_REVIEW.contains(application.state())) {
                jdbc.sql("update engagement set status = 'VOIDED', ended_reason = :reason, ended_at = :at where id = :id")
                        .param("id", r.engagementId()).param("reason", flag).param("at", at).update();
                jdbc.sql("update application set evaluation_body = null, evaluation_report = null where id = :id")
                        .param("id", application.id()).update();
                if (IN_REVIEW.contains(application.state())) {
                    sendBack(application, flag, at);
                    returned++;
                }
            } else if (application.state() == ApplicationState.APPROVED) {
                tasks += jdbc.sql("""
                        insert into sanction_review (id, body_id, application_id, listing_id, status, created_at)
                        values (:id, :body, :app, :listing, 'OPEN', :at) on conflict (body_id, application_id) do nothing""")
                        .param("id", UUID.randomUUID()).param("body", body.id()).param("app", application.id())
                        .param("listing", application.listingId()).param("at", at).update();
            }
        }
        log.info("evaluation body {} sanctioned: {} reports flagged, {} applications returned, {} review tasks",
                body.creditCode(), reported.size(), returned, tasks);
    }

    private void sendBack(Application application, String flag, OffsetDateTime at) {
        Application back = workflow.move(application, ApplicationState.RETURNED, Caller.SYSTEM,
                flag + "；请另行委托有资质的第三方评价机构重新评价后再提交");
        if (application.state() == ApplicationState.PUBLICITY) {
            jdbc.sql("update objection set status = 'MOOT' where application_id = :app and round = :round "
                            + "and status = 'PENDING'")
                    .param("app", application.id()).param("round", application.round()).update();
            notices.closed(back, batches.find(back.batchId()).orElseThrow(), NoticeOutcome.RETURNED, at);
        }
    }
}
