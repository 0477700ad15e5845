package io.greenportal.certification.noticefeed;

import java.time.OffsetDateTime;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;

import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.platform.grpc.ProtoTimes;
import io.greenportal.platform.tracing.ChangeTraces;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only log behind {@code NoticeFeedService.WatchNotices}. A writer takes the next number
 * by updating the {@code notice_counter} row, whose lock it keeps until it commits: numbers become
 * visible in the order they were handed out and without gaps, and a rolled-back write gives its
 * number back. Append last in a transaction (after its other row locks) to keep lock order simple.
 */
@Repository
public class NoticeLog {

    public static final String CHANNEL = "certification_notices";

    private final JdbcClient jdbc;
    private final ChangeTraces traces;

    public NoticeLog(JdbcClient jdbc, ChangeTraces traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long append(NoticeChange.Builder change, OffsetDateTime occurredAt) {
        long sequence = jdbc.sql("update notice_counter set last = last + 1 where id = 1 returning last")
                .query(Long.class).single();
        String traceparent = traces.current();
        if (traceparent != null) {
            change.setTraceparent(traceparent);
        }
        NoticeChange built = change.setSequence(sequence).setOccurredAt(timestamp(occurredAt)).build();
        jdbc.sql("insert into notice_change (sequence, kind, occurred_at, payload) values (:s, :k, :t, :p)")
                .param("s", sequence).param("k", built.getKind().name()).param("t", occurredAt)
                .param("p", built.toByteArray()).update();
        jdbc.sql("select pg_notify('" + CHANNEL + "', :s)").param("s", Long.toString(sequence))
                .query(String.class).optional();
        return sequence;
    }

    /** Changes after {@code sequence}, oldest first. */
    public List<NoticeChange> readAfter(long sequence, int limit) {
        return jdbc.sql("select payload from notice_change where sequence > :after order by sequence limit :limit")
                .param("after", sequence).param("limit", limit)
                .query((rs, n) -> parse(rs.getBytes(1)))
                .list();
    }

    public long lastSequence() {
        return jdbc.sql("select last from notice_counter where id = 1").query(Long.class).single();
    }

    static Timestamp timestamp(OffsetDateTime time) {
        return ProtoTimes.timestamp(time);
    }

    private static NoticeChange parse(byte[] payload) {
        try {
            return NoticeChange.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a notice_change row is not a NoticeChange", e);
        }
    }
}
