package io.greenportal.certification.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an application changes state: inside the caller's transaction, with the row locked,
 * the state checked, a guarded update ({@code where state = from}) and a history entry. Of two
 * concurrent decisions exactly one wins; the other sees the new state and gets 409 naming it.
 */
@Component
public class Workflow {

    private final ApplicationStore applications;
    private final History history;
    private final Clock clock;

    public Workflow(ApplicationStore applications, History history, Clock clock) {
        this.applications = applications;
        this.history = history;
        this.clock = clock;
    }

    /** Locks the application for this transaction; 404 when it does not exist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Application lock(UUID id) {
        return applications.lock(id).orElseThrow(() -> ApiException.notFound("Application " + id));
    }

    /** Refuses with 409 (naming the current state) unless the application is in one of {@code allowed}. */
    public static void require(Application application, Set<ApplicationState> allowed, String action) {
        if (!allowed.contains(application.state())) {
            throw illegalState(application.state().name(), "Cannot " + action + " an application that is "
                    + application.state() + " (allowed from " + allowed.stream().map(Enum::name).sorted().toList() + ")");
        }
    }

    /** 409 naming the state the application is in. */
    static ApiException illegalState(String currentState, String detail) {
        return ApiException.conflict("illegal-state", "state", detail).withProperty("currentState", currentState);
    }

    /**
     * What submitting does: every submission, a draft's first and each one after a return, starts the
     * next round, passes SUBMITTED and lands in {@code reviewStage}, municipal review; only a draft's
     * first submission is bound to the batch's deadline.
     */
    public record Submission(int round, boolean deadlineApplies, ApplicationState reviewStage, String comment) {
    }

    /** The submission of {@code application}; 409 naming its state unless it is editable. */
    public static Submission submission(Application application) {
        require(application, ApplicationState.EDITABLE, "submit");
        int round = application.round() + 1;
        return new Submission(round, application.state() == ApplicationState.DRAFT, ApplicationState.MUNICIPAL_REVIEW,
                round == 1 ? "受理，进入市级初审" : "重新提交（第" + round + "轮），进入市级初审");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Application move(Application application, ApplicationState to, Caller caller, String comment) {
        OffsetDateTime now = Times.now(clock);
        if (!applications.moveState(application.id(), application.state(), to, now)) {
            Application current = applications.find(application.id()).orElseThrow();
            throw illegalState(current.state().name(), "The application moved to " + current.state()
                    + " meanwhile");
        }
        history.record(application.id(), application.round(), application.state(), to, caller.username(),
                caller.actingRole(), now, comment);
        return applications.find(application.id()).orElseThrow();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(Application application, Caller caller) {
        history.record(application.id(), 0, null, application.state(), caller.username(), caller.actingRole(),
                application.createdAt(), null);
    }
}
