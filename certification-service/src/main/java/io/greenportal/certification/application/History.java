package io.greenportal.certification.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every transition of an application: from and to which state, by whom in which role, when and why. */
@Repository
public class History {

    @io.swagger.v3.oas.annotations.media.Schema(name = "HistoryEntry")
    public record Entry(int round, ApplicationState from, ApplicationState to, String actor, String role,
            OffsetDateTime at, String comment) {
    }

    private final JdbcClient jdbc;

    public History(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID applicationId, int round, ApplicationState from, ApplicationState to, String actor,
            String role, OffsetDateTime at, String comment) {
        jdbc.sql("""
                insert into transition (application_id, round, from_state, to_state, actor, role, occurred_at, comment)
                values (:id, :round, :from, :to, :actor, :role, :at, :comment)""")
                .param("id", applicationId).param("round", round).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("actor", actor).param("role", role).param("at", at)
                .param("comment", comment).update();
    }

    public List<Entry> of(UUID applicationId) {
        return jdbc.sql("select round, from_state, to_state, actor, role, occurred_at, comment from transition "
                        + "where application_id = :id order by id")
                .param("id", applicationId)
                .query((rs, n) -> new Entry(rs.getInt(1),
                        rs.getString(2) == null ? null : ApplicationState.valueOf(rs.getString(2)),
                        ApplicationState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        Times.local(rs.getObject(6, OffsetDateTime.class)), rs.getString(7)))
                .list();
    }
}
