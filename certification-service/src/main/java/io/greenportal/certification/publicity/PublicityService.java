package io.greenportal.certification.publicity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.application.Workflow;
import io.greenportal.certification.batch.Batch;
import io.greenportal.certification.noticefeed.Notices;
import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publicity (公示): the candidate is published for the batch's number of days. At the end, with every
 * objection decided and none upheld, the application is APPROVED and a registry outbox entry asks
 * for its listing; both are written in one transaction.
 */
@Service
public class PublicityService {

    private final ApplicationStore applications;
    private final Workflow workflow;
    private final Notices notices;
    private final RegistryOutbox registry;
    private final JdbcClient jdbc;
    private final Clock clock;

    public PublicityService(ApplicationStore applications, Workflow workflow, Notices notices, RegistryOutbox registry,
            JdbcClient jdbc, Clock clock) {
        this.applications = applications;
        this.workflow = workflow;
        this.notices = notices;
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens the publicity window of an application that just entered PUBLICITY. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(Application application, Batch batch) {
        OffsetDateTime now = Times.now(clock);
        applications.setPublicity(application.id(), now, now.plusDays(batch.publicityDays()));
        notices.published(applications.find(application.id()).orElseThrow(), batch, now);
    }

    /**
     * Approves the application if its publicity has ended and no objection is pending; answers whether it
     * did. Upheld objections have already moved it out of PUBLICITY.
     */
    @Transactional
    public boolean closeIfEnded(UUID applicationId) {
        Application application = workflow.lock(applicationId);
        OffsetDateTime now = Times.now(clock);
        if (application.state() != ApplicationState.PUBLICITY || application.publicityEndsAt() == null
                || application.publicityEndsAt().isAfter(now) || pendingObjections(application) > 0) {
            return false;
        }
        long dismissed = jdbc.sql("select count(*) from objection where application_id = :id and round = :round "
                        + "and status = 'DISMISSED'")
                .param("id", applicationId).param("round", application.round()).query(Long.class).single();
        workflow.move(application, ApplicationState.APPROVED, Caller.SYSTEM, dismissed == 0
                ? "公示期满，无异议，批准认定" : "公示期满，" + dismissed + " 项异议经核查不成立，批准认定");
        registry.registerListing(applicationId, now);
        return true;
    }

    long pendingObjections(Application application) {
        return jdbc.sql("select count(*) from objection where application_id = :id and round = :round and status = 'PENDING'")
                .param("id", application.id()).param("round", application.round()).query(Long.class).single();
    }
}
