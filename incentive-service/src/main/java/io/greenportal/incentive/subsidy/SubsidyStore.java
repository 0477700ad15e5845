package io.greenportal.incentive.subsidy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.incentive.program.ProgramKind;
import io.greenportal.incentive.subsidy.SubsidyApplication.Disbursement;
import io.greenportal.incentive.subsidy.SubsidyApplication.Event;
import io.greenportal.incentive.subsidy.SubsidyApplication.ListingRef;
import io.greenportal.incentive.subsidy.SubsidyApplication.Project;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Times;
import io.greenportal.platform.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SubsidyStore {

    private final JdbcClient jdbc;

    public SubsidyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SubsidyApplication a, String idempotencyKey, String fingerprint) {
        Project p = a.project();
        jdbc.sql("""
                insert into subsidy_application (id, program_id, kind, uscc, enterprise_name, region_code, city_code,
                  listing_id, listing_type, listing_level, listing_year, certificate_number, project_name,
                  project_content, total_investment, proposed_amount, status, submitted_by, submitted_at, updated_at,
                  idempotency_key, idempotency_fingerprint)
                values (:id, :program, :kind, :uscc, :name, :region, :city, :listing, :type, :level, :year, :certificate,
                  :projectName, :projectContent, :investment, :proposed, :status, :by, :at, :at, :key, :fp)""")
                .param("id", a.id()).param("program", a.programId()).param("kind", a.kind().name())
                .param("uscc", a.uscc()).param("name", a.enterpriseName()).param("region", a.regionCode())
                .param("city", a.cityCode()).param("listing", a.listing().id()).param("type", a.listing().type())
                .param("level", a.listing().level()).param("year", a.listing().year())
                .param("certificate", a.listing().certificateNumber())
                .param("projectName", p == null ? null : p.name()).param("projectContent", p == null ? null : p.content())
                .param("investment", p == null ? null : p.totalInvestment())
                .param("proposed", a.proposedAmount()).param("status", a.status().name())
                .param("by", a.submittedBy()).param("at", a.submittedAt()).param("key", idempotencyKey)
                .param("fp", fingerprint)
                .update();
    }

    public void event(UUID id, OffsetDateTime at, String actor, String action, ApplicationStatus status,
            BigDecimal amount, String comment) {
        jdbc.sql("""
                insert into subsidy_event (application_id, at, actor, action, status, amount, comment)
                values (:id, :at, :actor, :action, :status, :amount, :comment)""")
                .param("id", id).param("at", at).param("actor", actor).param("action", action)
                .param("status", status.name()).param("amount", amount).param("comment", comment).update();
    }

    public Optional<SubsidyApplication> find(UUID id) {
        return jdbc.sql("select * from subsidy_application where id = :id").param("id", id).query(this::map).optional();
    }

    /** The application created under this key, and whether {@code fingerprint} is the request that created it. */
    public Optional<IdempotencyKeys.Stored<SubsidyApplication>> findByIdempotencyKey(String uscc, String key,
            String fingerprint) {
        return jdbc.sql("select *, " + IdempotencyKeys.sameRequestColumn("idempotency_fingerprint") + " "
                + "from subsidy_application where uscc = :uscc and idempotency_key = :key")
                .param("uscc", uscc).param("key", key).param("fp", fingerprint)
                .query((rs, row) -> IdempotencyKeys.stored(map(rs, row), rs)).optional();
    }

    public List<Event> history(UUID id) {
        return jdbc.sql("select * from subsidy_event where application_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new Event(Times.local(rs.getObject("at", OffsetDateTime.class)), rs.getString("actor"),
                        rs.getString("action"), ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("amount"), rs.getString("comment")))
                .list();
    }

    /** Moves SUBMITTED to APPROVED with the amount; false when it is no longer SUBMITTED. */
    public boolean approve(UUID id, BigDecimal amount, String comment, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                update subsidy_application set status = 'APPROVED', approved_amount = :amount, decision_reason = :comment,
                  decided_by = :actor, decided_at = :at, updated_at = :at
                where id = :id and status = 'SUBMITTED'""")
                .param("amount", amount).param("comment", comment).param("actor", actor).param("at", at)
                .param("id", id).update() == 1;
    }

    public boolean reject(UUID id, String reason, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                update subsidy_application set status = 'REJECTED', decision_reason = :reason, decided_by = :actor,
                  decided_at = :at, updated_at = :at
                where id = :id and status = 'SUBMITTED'""")
                .param("reason", reason).param("actor", actor).param("at", at).param("id", id).update() == 1;
    }

    public boolean withdraw(UUID id, OffsetDateTime at) {
        return jdbc.sql("update subsidy_application set status = 'WITHDRAWN', updated_at = :at where id = :id and status = 'SUBMITTED'")
                .param("at", at).param("id", id).update() == 1;
    }

    public boolean disburse(UUID id, LocalDate on, String reference, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                update subsidy_application set status = 'DISBURSED', disbursed_on = :on, disbursement_reference = :ref,
                  disbursed_by = :actor, disbursed_at = :at, updated_at = :at
                where id = :id and status = 'APPROVED'""")
                .param("on", on).param("ref", reference).param("actor", actor).param("at", at).param("id", id)
                .update() == 1;
    }

    /** Whose applications a reader may list: one enterprise, one city, or everyone (both null). */
    public record Scope(String uscc, String cityCode) {
    }

    public Page<SubsidyApplication> list(Scope scope, UUID programId, ApplicationStatus status, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (scope.uscc() != null) {
            where.append(" and uscc = :uscc");
            params.put("uscc", scope.uscc());
        }
        if (scope.cityCode() != null) {
            where.append(" and city_code = :city");
            params.put("city", scope.cityCode());
        }
        if (programId != null) {
            where.append(" and program_id = :program");
            params.put("program", programId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("select count(*) from subsidy_application" + where).params(params).query(Long.class).single();
        List<SubsidyApplication> items = jdbc.sql("select * from subsidy_application" + where
                        + " order by submitted_at desc, id limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size).query(this::map).list();
        return new Page<>(items, page, size, total);
    }

    private SubsidyApplication map(ResultSet rs, int row) throws SQLException {
        Project project = rs.getString("project_name") == null ? null
                : new Project(rs.getString("project_name"), rs.getString("project_content"),
                        rs.getBigDecimal("total_investment"));
        Disbursement disbursement = rs.getObject("disbursed_on") == null ? null
                : new Disbursement(rs.getBigDecimal("approved_amount"), rs.getObject("disbursed_on", LocalDate.class),
                        rs.getString("disbursement_reference"), rs.getString("disbursed_by"),
                        Times.local(rs.getObject("disbursed_at", OffsetDateTime.class)));
        return new SubsidyApplication(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
                ProgramKind.valueOf(rs.getString("kind")), rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("city_code"),
                new ListingRef(rs.getObject("listing_id", UUID.class), rs.getString("listing_type"),
                        rs.getString("listing_level"), rs.getInt("listing_year"), rs.getString("certificate_number")),
                project, rs.getBigDecimal("proposed_amount"), rs.getBigDecimal("approved_amount"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("decision_reason"),
                rs.getString("decided_by"), Times.local(rs.getObject("decided_at", OffsetDateTime.class)), disbursement,
                rs.getString("submitted_by"), Times.local(rs.getObject("submitted_at", OffsetDateTime.class)),
                Times.local(rs.getObject("updated_at", OffsetDateTime.class)), null);
    }
}
