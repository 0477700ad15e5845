package io.greenportal.registry.changefeed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.tracing.ChangeTraces;
import io.greenportal.platform.web.Times;
import io.greenportal.registry.listing.Listing;
import io.greenportal.registry.listing.ListingStatus;
import io.greenportal.registry.listing.StatusChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only change log. Writers take the {@code change_counter} row lock first and keep it
 * until they commit, so sequence numbers become visible in order and without gaps; the commit
 * wakes live readers through PostgreSQL NOTIFY.
 */
@Repository
public class ChangeLog {

    public static final String CHANNEL = "registry_changes";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    private final ChangeTraces traces;

    public ChangeLog(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch,
            JsonMapper json, ChangeTraces traces) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.traces = traces;
    }

    /**
     * Serializes writers: call first in every writing transaction, so that checks made inside it
     * (idempotency keys, certificate numbers, status) cannot race another writer.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForWrite() {
        jdbc.sql("select last from change_counter where id = 1 for update").query(Long.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long append(ChangeKind kind, Listing listing, ListingStatus previousStatus, OffsetDateTime occurredAt,
            OffsetDateTime effectiveAt, String actor) {
        long sequence = jdbc.sql("update change_counter set last = last + 1 where id = 1 returning last")
                .query(Long.class).single();
        jdbc.sql("""
                insert into change_log (sequence, listing_id, kind, occurred_at, effective_at, actor, previous_status, snapshot,
                  traceparent)
                values (:sequence, :listing, :kind, :occurred, :effective, :actor, :previous, cast(:snapshot as jsonb),
                  :traceparent)""")
                .param("traceparent", traces.current()).param("sequence", sequence).param("listing", listing.id()).param("kind", kind.name())
                .param("occurred", occurredAt).param("effective", effectiveAt).param("actor", actor)
                .param("previous", previousStatus == null ? null : previousStatus.name())
                .param("snapshot", json.writeValueAsString(listing))
                .update();
        notifyReaders();
        return sequence;
    }

    /** One entry to append with {@link #appendAll}. */
    public record Entry(ChangeKind kind, Listing listing, ListingStatus previousStatus, OffsetDateTime occurredAt,
            OffsetDateTime effectiveAt, String actor) {
    }

    /** Appends many changes (imports): the numbers are taken in one statement, the rows in one batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long last = jdbc.sql("update change_counter set last = last + :n where id = 1 returning last")
                .param("n", entries.size()).query(Long.class).single();
        long sequence = last - entries.size();
        String traceparent = traces.current();
        var rows = new org.springframework.jdbc.core.namedparam.SqlParameterSource[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            rows[i] = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                    .addValue("sequence", ++sequence).addValue("listing", e.listing().id()).addValue("kind", e.kind().name())
                    .addValue("occurred", e.occurredAt()).addValue("effective", e.effectiveAt()).addValue("actor", e.actor())
                    .addValue("previous", e.previousStatus() == null ? null : e.previousStatus().name())
                    .addValue("snapshot", json.writeValueAsString(e.listing())).addValue("traceparent", traceparent);
        }
        batch.batchUpdate("""
                insert into change_log (sequence, listing_id, kind, occurred_at, effective_at, actor, previous_status, snapshot,
                  traceparent)
                values (:sequence, :listing, :kind, :occurred, :effective, :actor, :previous, cast(:snapshot as jsonb),
                  :traceparent)""", rows);
        notifyReaders();
    }

    /** Wakes live readers at commit; one notification per transaction is enough (PostgreSQL folds equal ones). */
    private void notifyReaders() {
        jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query(String.class).optional();
    }

    /** Changes after {@code sequence}, oldest first. */
    public List<Change> readAfter(long sequence, int limit) {
        return jdbc.sql("""
                select sequence, kind, occurred_at, actor, snapshot, previous_status, traceparent from change_log
                where sequence > :after order by sequence limit :limit""")
                .param("after", sequence).param("limit", limit)
                .query((rs, n) -> new Change(rs.getLong(1), ChangeKind.valueOf(rs.getString(2)),
                        Times.local(rs.getObject(3, OffsetDateTime.class)), rs.getString(4),
                        json.readValue(rs.getString(5), Listing.class),
                        rs.getString(6) == null ? null : ListingStatus.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    /**
     * The status history of a listing: its creation and every status change, oldest first, each at
     * the moment it took effect (a creation on the granted-on day, even when recorded later).
     */
    public List<StatusChange> statusHistory(UUID listingId) {
        return jdbc.sql("""
                select effective_at, actor, snapshot ->> 'status',
                       case when kind = 'LEVEL_CHANGED' then '国家级 ' || (snapshot ->> 'certificateNumber')
                            else snapshot ->> 'statusReason' end
                from change_log
                where listing_id = :id and kind in ('LISTING_CREATED', 'STATUS_CHANGED', 'LEVEL_CHANGED') order by sequence""")
                .param("id", listingId)
                .query((rs, n) -> new StatusChange(ListingStatus.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(2), Times.local(rs.getObject(1, OffsetDateTime.class))))
                .list();
    }

    public long lastSequence() {
        return jdbc.sql("select last from change_counter where id = 1").query(Long.class).single();
    }

    /** The listing as it stood just before {@code instant}, or empty when it did not exist yet. */
    public Optional<Listing> snapshotBefore(UUID listingId, OffsetDateTime instant) {
        return jdbc.sql("""
                select snapshot from change_log where listing_id = :id and effective_at < :before
                order by effective_at desc, sequence desc limit 1""")
                .param("id", listingId).param("before", instant)
                .query((rs, n) -> json.readValue(rs.getString(1), Listing.class))
                .optional();
    }
}
