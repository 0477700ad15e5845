package io.greenportal.certification.evaluationbody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.greenportal.certification.application.ListingType;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EvaluationBodyStore {

    private static final String COLUMNS = "id, name, credit_code, types, qualified_until, contact, affiliations, status, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;

    public EvaluationBodyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the body; false (and nothing written) when one with its credit code is registered already. */
    public boolean insert(EvaluationBody b, String actor) {
        return jdbc.sql("""
                insert into evaluation_body (id, name, credit_code, types, qualified_until, contact, affiliations, status,
                    created_by, created_at, updated_at)
                values (:id, :name, :code, :types, :until, :contact, :aff, :status, :by, :at, :at)
                on conflict (credit_code) do nothing""")
                .param("id", b.id()).param("name", b.name()).param("code", b.creditCode())
                .param("types", join(b.types())).param("until", b.qualifiedUntil()).param("contact", b.contact())
                .param("aff", String.join(",", b.affiliations())).param("status", b.status().name())
                .param("by", actor).param("at", b.createdAt())
                .update() == 1;
    }

    public void update(UUID id, BodyRules.Content c, OffsetDateTime now) {
        jdbc.sql("""
                update evaluation_body set name = :name, types = :types, qualified_until = :until, contact = :contact,
                    affiliations = :aff, updated_at = :at where id = :id""")
                .param("id", id).param("name", c.name()).param("types", join(c.types()))
                .param("until", c.qualifiedUntil()).param("contact", c.contact())
                .param("aff", String.join(",", c.affiliations())).param("at", now)
                .update();
    }

    public void setStatus(UUID id, BodyStatus status, OffsetDateTime now) {
        jdbc.sql("update evaluation_body set status = :status, updated_at = :at where id = :id")
                .param("id", id).param("status", status.name()).param("at", now).update();
    }

    public Optional<EvaluationBody> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_body where id = :id").param("id", id)
                .query(EvaluationBodyStore::map).optional();
    }

    public Optional<EvaluationBody> findByCreditCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_body where credit_code = :code").param("code", code)
                .query(EvaluationBodyStore::map).optional();
    }

    /**
     * Locks the body until the transaction ends ({@code for no key update}: engagements that merely
     * reference it still insert). Every confirmation of the body and its status changes queue here,
     * which is what keeps the per-batch cap under concurrency.
     */
    public Optional<EvaluationBody> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_body where id = :id for no key update").param("id", id)
                .query(EvaluationBodyStore::map).optional();
    }

    public List<EvaluationBody> list(List<BodyStatus> statuses, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_body where status in (:statuses) order by name, id "
                        + "limit :limit offset :offset")
                .param("statuses", statuses.stream().map(Enum::name).toList()).param("limit", size)
                .param("offset", (long) page * size).query(EvaluationBodyStore::map).list();
    }

    public long count(List<BodyStatus> statuses) {
        return jdbc.sql("select count(*) from evaluation_body where status in (:statuses)")
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(Long.class).single();
    }

    public record StatusChange(BodyStatus from, BodyStatus to, String reason, String actor, OffsetDateTime at) {
    }

    public void recordStatus(UUID id, BodyStatus from, BodyStatus to, String reason, String actor, OffsetDateTime at) {
        jdbc.sql("""
                insert into evaluation_body_status (body_id, from_status, to_status, reason, actor, occurred_at)
                values (:id, :from, :to, :reason, :actor, :at)""")
                .param("id", id).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("reason", reason).param("actor", actor).param("at", at).update();
    }

    public List<StatusChange> history(UUID id) {
        return jdbc.sql("select from_status, to_status, reason, actor, occurred_at from evaluation_body_status "
                        + "where body_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new StatusChange(rs.getString(1) == null ? null : BodyStatus.valueOf(rs.getString(1)),
                        BodyStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        Times.local(rs.getObject(5, OffsetDateTime.class))))
                .list();
    }

    /** The latest change to {@code status} of each body in {@code ids} (the public list's sanction). */
    public Optional<StatusChange> latest(UUID id, BodyStatus status) {
        return jdbc.sql("select from_status, to_status, reason, actor, occurred_at from evaluation_body_status "
                        + "where body_id = :id and to_status = :status order by id desc limit 1")
                .param("id", id).param("status", status.name())
                .query((rs, n) -> new StatusChange(rs.getString(1) == null ? null : BodyStatus.valueOf(rs.getString(1)),
                        BodyStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        Times.local(rs.getObject(5, OffsetDateTime.class))))
                .optional();
    }

    private static String join(List<ListingType> types) {
        return types.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static EvaluationBody map(ResultSet rs, int n) throws SQLException {
        String affiliations = rs.getString("affiliations");
        return new EvaluationBody(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("credit_code"),
                Arrays.stream(rs.getString("types").split(",")).map(ListingType::valueOf).toList(),
                rs.getObject("qualified_until", LocalDate.class), rs.getString("contact"),
                affiliations.isEmpty() ? List.of() : List.of(affiliations.split(",")),
                BodyStatus.valueOf(rs.getString("status")),
                Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                Times.local(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
