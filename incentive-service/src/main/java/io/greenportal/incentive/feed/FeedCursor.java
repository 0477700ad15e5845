package io.greenportal.incentive.feed;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The last registry change this service has applied, kept in PostgreSQL with what it produced. */
@Repository
public class FeedCursor {

    public static final String REGISTRY = "registry";

    private final JdbcClient jdbc;

    public FeedCursor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long last(String feed) {
        return jdbc.sql("select last_sequence from feed_cursor where name = :name").param("name", feed)
                .query(Long.class).single();
    }

    /** Locks the cursor for the rest of the transaction: one applier at a time, even across instances. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lock(String feed) {
        return jdbc.sql("select last_sequence from feed_cursor where name = :name for update").param("name", feed)
                .query(Long.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void advance(String feed, long sequence, OffsetDateTime at) {
        jdbc.sql("update feed_cursor set last_sequence = :sequence, updated_at = :at where name = :name")
                .param("sequence", sequence).param("at", at).param("name", feed).update();
    }
}
