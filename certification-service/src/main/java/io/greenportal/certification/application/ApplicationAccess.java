package io.greenportal.certification.application;

import java.util.UUID;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see an application. The enterprise sees its own (drafts included); once submitted,
 * municipal reviewers see their city's, provincial reviewers and administrators all; an expert sees
 * only applications assigned to them; an evaluation body's staff those naming their body. Everyone else is told it does not exist (404), so ids of other
 * enterprises' applications reveal nothing.
 */
@Component
public class ApplicationAccess {

    private final JdbcClient jdbc;

    public ApplicationAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean canSee(Caller caller, Application a) {
        if (isOwner(caller, a)) {
            return true;
        }
        // the evaluation body's staff see the applications that name their body, drafts included
        if (caller.has(Caller.EVALUATOR) && caller.evaluationBody() != null && namesBody(a.id(), caller.evaluationBody())) {
            return true;
        }
        if (!a.everSubmitted()) {
            return false;
        }
        if (caller.hasAny(Caller.PROVINCIAL, Caller.ADMIN)) {
            return true;
        }
        if (caller.has(Caller.MUNICIPAL) && caller.cityCode() != null && caller.cityCode().equals(a.cityCode())) {
            return true;
        }
        return caller.has(Caller.EXPERT) && isAssigned(a.id(), caller.username());
    }

    /** The application if the caller may see it; 404 otherwise. */
    public Application visible(Caller caller, Application a) {
        if (!canSee(caller, a)) {
            throw ApiException.notFound("Application " + a.id());
        }
        return a;
    }

    public static boolean isOwner(Caller caller, Application a) {
        return caller.has(Caller.ENTERPRISE) && caller.uscc() != null && caller.uscc().equals(a.uscc());
    }

    /** Only the applicant enterprise may do this: others get 404 (another's application) or 403 (may see it). */
    public Application requireOwner(Caller caller, Application a) {
        if (isOwner(caller, a)) {
            return a;
        }
        if (canSee(caller, a) && !caller.has(Caller.ENTERPRISE)) {
            throw ApiException.forbidden("Only the applicant enterprise may do this");
        }
        throw ApiException.notFound("Application " + a.id());
    }

    /** Does the engagement in force on the application name the body with this credit code? */
    public boolean namesBody(UUID applicationId, String bodyCreditCode) {
        return jdbc.sql("select exists (select 1 from engagement e join evaluation_body b on b.id = e.body_id "
                        + "where e.application_id = :id and e.status in ('REQUESTED', 'CONFIRMED') and b.credit_code = :code)")
                .param("id", applicationId).param("code", bodyCreditCode).query(Boolean.class).single();
    }

    public boolean isAssigned(UUID applicationId, String expert) {
        return jdbc.sql("select exists (select 1 from expert_assignment where application_id = :id and expert = :expert)")
                .param("id", applicationId).param("expert", expert).query(Boolean.class).single();
    }

    /** Downloads and document lists: the applicant and the reviewers in scope (experts: assigned only). */
    public boolean canReadDocuments(Caller caller, Application a) {
        if (caller.has(Caller.ADMIN) && !caller.hasAny(Caller.PROVINCIAL, Caller.MUNICIPAL, Caller.EXPERT)) {
            return false;
        }
        return canSee(caller, a);
    }
}
