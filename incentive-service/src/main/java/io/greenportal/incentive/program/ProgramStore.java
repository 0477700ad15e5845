package io.greenportal.incentive.program;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Programs in PostgreSQL, and the one place their budget is drawn on. */
@Repository
public class ProgramStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProgramStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts the program unless its code (or the administrator's Idempotency-Key) is taken, which a
     * concurrent insert may have done a moment ago: false then, with the transaction still usable.
     */
    public boolean insert(Program p, String idempotencyKey, String fingerprint) {
        return jdbc.sql("""
                insert into program (id, code, name, kind, description, eligibility, amount_rule, opens_at, closes_at,
                  budget, committed, disbursed, created_at, created_by, updated_at, idempotency_key, idempotency_fingerprint)
                values (:id, :code, :name, :kind, :description, cast(:eligibility as jsonb), cast(:rule as jsonb),
                  :opensAt, :closesAt, :budget, 0, 0, :createdAt, :createdBy, :createdAt, :key, :fp)
                on conflict do nothing""")
                .param("id", p.id()).param("code", p.code()).param("name", p.name()).param("kind", p.kind().name())
                .param("description", p.description()).param("eligibility", json.writeValueAsString(p.eligibility()))
                .param("rule", json.writeValueAsString(p.amountRule())).param("opensAt", p.opensAt())
                .param("closesAt", p.closesAt()).param("budget", p.budget()).param("createdAt", p.createdAt())
                .param("createdBy", p.createdBy()).param("key", idempotencyKey)
                .param("fp", fingerprint).update() == 1;
    }

    public Optional<Program> find(UUID id) {
        return jdbc.sql("select * from program where id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Program> findByCode(String code) {
        return jdbc.sql("select * from program where code = :code").param("code", code).query(this::map).optional();
    }

    /** The program created under this key, and whether {@code fingerprint} is the request that created it. */
    public Optional<IdempotencyKeys.Stored<Program>> findByIdempotencyKey(String createdBy, String key, String fingerprint) {
        return jdbc.sql("select *, " + IdempotencyKeys.sameRequestColumn("idempotency_fingerprint") + " "
                + "from program where created_by = :by and idempotency_key = :key")
                .param("by", createdBy).param("key", key).param("fp", fingerprint)
                .query((rs, row) -> IdempotencyKeys.stored(map(rs, row), rs)).optional();
    }

    public List<Program> list(ProgramKind kind, OffsetDateTime openAt) {
        return jdbc.sql("""
                select * from program where (cast(:kind as text) is null or kind = :kind)
                  and (cast(:openAt as timestamptz) is null or (opens_at <= :openAt and closes_at > :openAt))
                order by opens_at desc, code""")
                .param("kind", kind == null ? null : kind.name()).param("openAt", openAt)
                .query(this::map).list();
    }

    /**
     * Draws {@code amount} on the budget if it fits, in one statement: concurrent approvals queue on
     * the row and each sees the committed sum its predecessor left, so the budget is never overspent.
     */
    public boolean commit(UUID id, BigDecimal amount, OffsetDateTime at) {
        return jdbc.sql("""
                update program set committed = committed + :amount, updated_at = :at
                where id = :id and committed + :amount <= budget""")
                .param("amount", amount).param("at", at).param("id", id).update() == 1;
    }

    public void recordDisbursed(UUID id, BigDecimal amount, OffsetDateTime at) {
        jdbc.sql("update program set disbursed = disbursed + :amount, updated_at = :at where id = :id")
                .param("amount", amount).param("at", at).param("id", id).update();
    }

    /** Changes what may change once a program is open: name, description, window, budget (never below committed). */
    public boolean update(UUID id, String name, String description, OffsetDateTime opensAt, OffsetDateTime closesAt,
            BigDecimal budget, OffsetDateTime at) {
        return jdbc.sql("""
                update program set name = :name, description = :description, opens_at = :opensAt,
                  closes_at = :closesAt, budget = :budget, updated_at = :at
                where id = :id and committed <= :budget""")
                .param("name", name).param("description", description).param("opensAt", opensAt)
                .param("closesAt", closesAt).param("budget", budget).param("at", at).param("id", id)
                .update() == 1;
    }

    private Program map(ResultSet rs, int row) throws SQLException {
        return new Program(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                ProgramKind.valueOf(rs.getString("kind")), rs.getString("description"),
                json.readValue(rs.getString("eligibility"), Eligibility.class),
                json.readValue(rs.getString("amount_rule"), AmountRule.class),
                Times.local(rs.getObject("opens_at", OffsetDateTime.class)),
                Times.local(rs.getObject("closes_at", OffsetDateTime.class)), rs.getBigDecimal("budget"),
                rs.getBigDecimal("committed"), rs.getBigDecimal("disbursed"),
                Times.local(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("created_by"),
                Times.local(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
