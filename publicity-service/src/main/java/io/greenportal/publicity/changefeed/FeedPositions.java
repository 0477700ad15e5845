package io.greenportal.publicity.changefeed;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each followed feed stands: the last sequence whose effects are stored. */
@Repository
public class FeedPositions {

    public static final String REGISTRY = "registry";
    public static final String CERTIFICATION = "certification";

    private final JdbcClient jdbc;
    private final Clock clock;

    public FeedPositions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Position(long lastSequence, String indexName, OffsetDateTime updatedAt) {
    }

    public Optional<Position> get(String feed) {
        return jdbc.sql("select last_sequence, index_name, updated_at from feed_position where feed = :feed")
                .param("feed", feed)
                .query((rs, n) -> new Position(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .optional();
    }

    public long lastSequence(String feed) {
        return get(feed).map(Position::lastSequence).orElse(0L);
    }

    /** Moves the feed forward (never back: a late writer cannot undo a newer position). */
    public void advance(String feed, long sequence, String indexName) {
        jdbc.sql("""
                insert into feed_position (feed, last_sequence, index_name, updated_at) values (:feed, :seq, :index, :now)
                on conflict (feed) do update set last_sequence = greatest(feed_position.last_sequence, excluded.last_sequence),
                  index_name = coalesce(excluded.index_name, feed_position.index_name), updated_at = excluded.updated_at""")
                .param("feed", feed).param("seq", sequence).param("index", indexName)
                .param("now", OffsetDateTime.now(clock)).update();
    }

    /** Starts the feed over from the beginning, e.g. because its index is not the one it was written to. */
    public void restart(String feed, String indexName) {
        jdbc.sql("""
                insert into feed_position (feed, last_sequence, index_name, updated_at) values (:feed, 0, :index, :now)
                on conflict (feed) do update set last_sequence = 0, index_name = excluded.index_name,
                  updated_at = excluded.updated_at""")
                .param("feed", feed).param("index", indexName).param("now", OffsetDateTime.now(clock)).update();
    }

    /** Records that the position now belongs to another physical index (after a rebuild). */
    public void moveTo(String feed, String indexName) {
        jdbc.sql("update feed_position set index_name = :index, updated_at = :now where feed = :feed")
                .param("feed", feed).param("index", indexName).param("now", OffsetDateTime.now(clock)).update();
    }
}
