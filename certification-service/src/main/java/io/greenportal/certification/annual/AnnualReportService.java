package io.greenportal.certification.annual;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationRequest;
import io.greenportal.certification.application.ApplicationRules;
import io.greenportal.certification.application.Indicator;
import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Page;
import io.greenportal.platform.web.PageParameters;
import io.greenportal.platform.web.Times;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import io.greenportal.platform.web.FreeText;

/**
 * Dynamic management (动态管理) of the listings this service granted: each owes a report of its
 * indicators for every year, due on 31 March of the next year. A provincial reviewer accepts it, or
 * suspends (限期整改) or revokes (撤销) the listing in the registry with a reason; accepting a later
 * report of a suspended listing restores it. The status change reaches the registry through the
 * registry outbox, after the decision has committed.
 */
@Service
public class AnnualReportService {

    private static final TypeReference<List<Indicator>> INDICATORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RegistryOutbox registry;
    private final Clock clock;

    public AnnualReportService(JdbcClient jdbc, JsonMapper json, RegistryOutbox registry, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.registry = registry;
        this.clock = clock;
    }

    /** The first report a new listing owes: for the year it was granted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void firstReportFor(Application application, UUID listingId, OffsetDateTime now) {
        insert(application.id(), listingId, application.uscc(), application.cityCode(), now.getYear(), now);
    }

    private void insert(UUID applicationId, UUID listingId, String uscc, String city, int year, OffsetDateTime now) {
        jdbc.sql("""
                insert into annual_report (id, application_id, listing_id, uscc, city_code, year, due_on, status, created_at)
                values (:id, :app, :listing, :uscc, :city, :year, :due, 'DUE', :now) on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("app", applicationId).param("listing", listingId)
                .param("uscc", uscc).param("city", city).param("year", year)
                .param("due", LocalDate.of(year + 1, 3, 31)).param("now", now).update();
    }

    /** The caller's reports, earliest due first, one page at a time with the total. */
    public Page<AnnualReport> list(Caller caller, AnnualReport.Status status, Boolean overdue, PageParameters paging) {
        StringBuilder where = new StringBuilder(" where true");
        var params = new java.util.HashMap<String, Object>();
        if (caller.has(Caller.ENTERPRISE)) {
            if (caller.uscc() == null) {
                throw ApiException.forbidden("Your account carries no enterprise credit code (uscc)");
            }
            where.append(" and r.uscc = :uscc");
            params.put("uscc", caller.uscc());
        } else if (caller.has(Caller.MUNICIPAL) && !caller.hasAny(Caller.PROVINCIAL, Caller.ADMIN)) {
            if (caller.cityCode() == null) {
                throw ApiException.forbidden("Your account carries no city code");
            }
            where.append(" and r.city_code = :city");
            params.put("city", caller.cityCode());
        }
        if (status != null) {
            where.append(" and r.status = :status");
            params.put("status", status.name());
        }
        if (overdue != null) {
            where.append(overdue ? " and r.status = 'DUE' and r.due_on < :today" : " and not (r.status = 'DUE' and r.due_on < :today)");
            params.put("today", LocalDate.now(clock));
        }
        long total = jdbc.sql("select count(*) from annual_report r" + where).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        return Page.of(jdbc.sql(SELECT + where + " order by r.due_on, r.id limit :limit offset :offset").params(params)
                .query(this::map).list(), paging, total);
    }

    public AnnualReport get(Caller caller, UUID id) {
        AnnualReport report = find(id);
        if (!canSee(caller, report)) {
            throw ApiException.notFound("Annual report " + id);
        }
        return report;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "AnnualReportSubmission")
    public record Submission(List<ApplicationRequest.IndicatorInput> indicators, @FreeText(max = 2000) String remarks) {
    }

    @Transactional
    public AnnualReport submit(Caller caller, UUID id, Submission submission) {
        AnnualReport report = lock(id);
        if (!caller.has(Caller.ENTERPRISE) || !report.uscc().equals(caller.uscc())) {
            throw ApiException.notFound("Annual report " + id);
        }
        requireStatus(report, Set.of(AnnualReport.Status.DUE, AnnualReport.Status.SUBMITTED,
                AnnualReport.Status.SUSPENDED), "submit");
        int thisYear = Times.now(clock).getYear();
        if (report.year() > thisYear) {
            // a year's indicators exist only once it is under way: the next report opens when its year begins
            throw new ApiException(HttpStatus.CONFLICT, "report-year-not-begun", "year", "The " + report.year()
                    + " report can be filed from 1 January " + report.year() + "; it is " + thisYear + " now")
                    .withProperty("year", report.year());
        }
        List<Violation> violations = new ArrayList<>();
        List<Indicator> indicators = ApplicationRules.checkIndicators(submission == null ? null : submission.indicators(), violations);
        if (indicators.isEmpty() && violations.isEmpty()) {
            violations.add(new Violation("indicators", "report at least one indicator"));
        }
        String remarks = submission == null || submission.remarks() == null || submission.remarks().isBlank() ? null
                : submission.remarks().strip();
        if (remarks != null && remarks.length() > 4000) {
            violations.add(new Violation("remarks", "must be at most 4000 characters"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        jdbc.sql("""
                update annual_report set status = 'SUBMITTED', indicators = cast(:indicators as jsonb), remarks = :remarks,
                    submitted_by = :by, submitted_at = :at where id = :id""")
                .param("id", id).param("indicators", json.writeValueAsString(indicators)).param("remarks", remarks)
                .param("by", caller.username()).param("at", Times.now(clock)).update();
        return find(id);
    }

    public enum Action {
        ACCEPT, SUSPEND, REVOKE
    }

    public record Decision(Action action, @FreeText(max = 2000) String reason) {
    }

    /**
     * Decides a report. A status change of the listing is queued for the registry in the same
     * transaction (the registry is not called while the report is locked): the answer shows it as
     * {@code registryUpdate} PENDING, and the report shows it DONE once the registry has applied it.
     */
    @Transactional
    public AnnualReport decide(Caller caller, UUID id, Decision decision) {
        if (decision == null || decision.action() == null) {
            throw ApiException.invalid("action", "is required: ACCEPT, SUSPEND or REVOKE");
        }
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
        if (reason == null && decision.action() != Action.ACCEPT) {
            throw ApiException.invalid("reason", "suspension and revocation need a reason");
        }
        if (reason != null && reason.length() > 500) {
            throw ApiException.invalid("reason", "must be at most 500 characters");
        }
        AnnualReport report = lock(id);
        if (!canSee(caller, report)) {
            throw ApiException.notFound("Annual report " + id);
        }
        OffsetDateTime now = Times.now(clock);
        AnnualReport.Status target;
        boolean suspended = report.listingSuspended();
        switch (decision.action()) {
            case ACCEPT -> {
                requireStatus(report, Set.of(AnnualReport.Status.SUBMITTED), "accept");
                if (report.listingSuspended()) {
                    changeRegistry(report, StatusAction.RESTORE,
                            reason == null ? report.year() + "年度报告经复核合格，恢复" : reason, caller, now);
                    suspended = false;
                }
                target = AnnualReport.Status.ACCEPTED;
                insert(report.applicationId(), report.listingId(), report.uscc(), report.cityCode(), report.year() + 1, now);
            }
            case SUSPEND -> {
                requireStatus(report, Set.of(AnnualReport.Status.DUE, AnnualReport.Status.SUBMITTED), "suspend over");
                if (report.status() == AnnualReport.Status.DUE && !report.overdue()) {
                    throw new ApiException(HttpStatus.CONFLICT, "report-not-overdue", "action",
                            "The report is not due until " + report.dueOn() + "; a listing is suspended over a missing "
                                    + "report only once it is overdue").withProperty("currentStatus", report.status().name());
                }
                changeRegistry(report, StatusAction.SUSPEND, reason, caller, now);
                target = AnnualReport.Status.SUSPENDED;
                suspended = true;
            }
            case REVOKE -> {
                requireStatus(report, Set.of(AnnualReport.Status.DUE, AnnualReport.Status.SUBMITTED,
                        AnnualReport.Status.SUSPENDED), "revoke over");
                changeRegistry(report, StatusAction.REVOKE, reason, caller, now);
                target = AnnualReport.Status.REVOKED;
            }
            default -> throw new IllegalStateException();
        }
        jdbc.sql("""
                update annual_report set status = :status, decision_reason = :reason, decided_by = :by, decided_at = :at,
                    listing_suspended = :suspended where id = :id""")
                .param("id", id).param("status", target.name()).param("reason", reason).param("by", caller.username())
                .param("at", now).param("suspended", suspended).update();
        return find(id);
    }

    private void changeRegistry(AnnualReport report, StatusAction action, String reason, Caller caller,
            OffsetDateTime now) {
        registry.changeStatus(report.applicationId(), report.id(), report.listingId(), action.name(), reason,
                caller.username(), now);
    }

    private static void requireStatus(AnnualReport report, Set<AnnualReport.Status> allowed, String action) {
        if (!allowed.contains(report.status())) {
            throw new ApiException(HttpStatus.CONFLICT, "illegal-state", "status", "Cannot " + action + " a report that is "
                    + report.status()).withProperty("currentStatus", report.status().name());
        }
    }

    private boolean canSee(Caller caller, AnnualReport report) {
        if (caller.has(Caller.ENTERPRISE)) {
            return report.uscc().equals(caller.uscc());
        }
        if (caller.hasAny(Caller.PROVINCIAL, Caller.ADMIN)) {
            return true;
        }
        return caller.has(Caller.MUNICIPAL) && report.cityCode().equals(caller.cityCode());
    }

    private AnnualReport find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> ApiException.notFound("Annual report " + id));
    }

    private AnnualReport lock(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id for update of r").param("id", id).query(this::map).optional()
                .orElseThrow(() -> ApiException.notFound("Annual report " + id));
    }

    private static final String SELECT = "select r.id, r.application_id, r.listing_id, r.uscc, r.city_code, r.year, "
            + "r.due_on, r.status, r.indicators, r.remarks, r.submitted_by, r.submitted_at, r.decision_reason, "
            + "r.decided_by, r.decided_at, r.listing_suspended, u.action as update_action, u.status as update_status, "
            + "u.attempts as update_attempts, u.last_error as update_error, u.created_at as update_requested_at, "
            + "u.completed_at as update_completed_at from annual_report r "
            + "left join lateral (select o.action, o.status, o.attempts, o.last_error, o.created_at, o.completed_at "
            + "from registry_outbox o where o.annual_report_id = r.id order by o.id desc limit 1) u on true";

    private AnnualReport map(ResultSet rs, int n) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        AnnualReport.Status status = AnnualReport.Status.valueOf(rs.getString("status"));
        return new AnnualReport(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("listing_id", UUID.class), rs.getString("uscc"), rs.getString("city_code"),
                rs.getInt("year"), due, status, status == AnnualReport.Status.DUE && due.isBefore(LocalDate.now(clock)),
                json.readValue(rs.getString("indicators"), INDICATORS), rs.getString("remarks"),
                rs.getString("submitted_by"), Times.local(rs.getObject("submitted_at", OffsetDateTime.class)),
                rs.getString("decision_reason"), rs.getString("decided_by"),
                Times.local(rs.getObject("decided_at", OffsetDateTime.class)), rs.getBoolean("listing_suspended"),
                rs.getString("update_action") == null ? null : new AnnualReport.RegistryUpdate(
                        rs.getString("update_action"), rs.getString("update_status"), rs.getInt("update_attempts"),
                        rs.getString("update_error"), Times.local(rs.getObject("update_requested_at", OffsetDateTime.class)),
                        Times.local(rs.getObject("update_completed_at", OffsetDateTime.class))));
    }
}
