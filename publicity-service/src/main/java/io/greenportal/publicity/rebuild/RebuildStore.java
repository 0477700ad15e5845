package io.greenportal.publicity.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rebuild requests and their progress, so any instance can report on a rebuild that another runs. */
@Repository
public class RebuildStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public RebuildStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new request, or the one already waiting or running (there is at most one). */
    @Transactional
    public Requested request(String requestedBy) {
        Optional<Rebuild> active = active();
        if (active.isPresent()) {
            return new Requested(active.get(), false);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into index_rebuild (id, state, requested_at, requested_by) values (:id, 'REQUESTED', :now, :by)")
                    .param("id", id).param("now", OffsetDateTime.now(clock)).param("by", requestedBy).update();
        } catch (DuplicateKeyException raced) {
            return new Requested(active().orElseThrow(), false);
        }
        return new Requested(find(id).orElseThrow(), true);
    }

    public record Requested(Rebuild rebuild, boolean created) {
    }

    public Optional<Rebuild> find(UUID id) {
        return jdbc.sql("select * from index_rebuild where id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Rebuild> latest() {
        return jdbc.sql("select * from index_rebuild order by requested_at desc limit 1").query(this::map).optional();
    }

    public Optional<Rebuild> active() {
        return jdbc.sql("select * from index_rebuild where state in ('REQUESTED', 'RUNNING')").query(this::map).optional();
    }

    /** Takes the waiting request, if any, marking it running. */
    public Optional<Rebuild> claim() {
        return jdbc.sql("""
                update index_rebuild set state = 'RUNNING', started_at = :now where state = 'REQUESTED' returning *""")
                .param("now", OffsetDateTime.now(clock)).query(this::map).optional();
    }

    /** Rebuilds that were running when their instance stopped leading start over. */
    public int requeueRunning() {
        return jdbc.sql("""
                update index_rebuild set state = 'REQUESTED', started_at = null, target_index = null,
                  previous_index = null, replay_until = null, replayed = 0, last_sequence = 0 where state = 'RUNNING'""")
                .update();
    }

    public void started(UUID id, String target, String previous, long replayUntil) {
        jdbc.sql("""
                update index_rebuild set target_index = :target, previous_index = :previous, replay_until = :until
                where id = :id""")
                .param("id", id).param("target", target).param("previous", previous).param("until", replayUntil).update();
    }

    public void progress(UUID id, long replayed, long lastSequence) {
        jdbc.sql("update index_rebuild set replayed = :replayed, last_sequence = :last where id = :id")
                .param("id", id).param("replayed", replayed).param("last", lastSequence).update();
    }

    public void done(UUID id, long documents) {
        jdbc.sql("update index_rebuild set state = 'DONE', finished_at = :now, documents = :docs where id = :id")
                .param("id", id).param("now", OffsetDateTime.now(clock)).param("docs", documents).update();
    }

    public void failed(UUID id, String error) {
        jdbc.sql("update index_rebuild set state = 'FAILED', finished_at = :now, error = :error where id = :id")
                .param("id", id).param("now", OffsetDateTime.now(clock)).param("error", error).update();
    }

    private Rebuild map(ResultSet rs, int n) throws SQLException {
        return new Rebuild(rs.getObject("id", UUID.class), Rebuild.State.valueOf(rs.getString("state")),
                Times.local(rs.getObject("requested_at", OffsetDateTime.class)), rs.getString("requested_by"),
                Times.local(rs.getObject("started_at", OffsetDateTime.class)),
                Times.local(rs.getObject("finished_at", OffsetDateTime.class)), rs.getString("target_index"),
                rs.getString("previous_index"), (Long) rs.getObject("replay_until"), rs.getLong("replayed"),
                rs.getLong("last_sequence"), (Long) rs.getObject("documents"), rs.getString("error"));
    }
}
