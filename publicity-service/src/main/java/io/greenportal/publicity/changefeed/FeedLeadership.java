package io.greenportal.publicity.changefeed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.greenportal.publicity.PublicityProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Several instances serve the public, but one at a time follows the feeds and rebuilds the index:
 * the one holding a PostgreSQL advisory lock on its own connection. If that instance dies or loses
 * its connection, PostgreSQL releases the lock and another instance takes over from the stored
 * positions. (Two writers for a moment would still be harmless: index writes are versioned and
 * positions only move forward.)
 */
@Component
@ConditionalOnProperty(name = "greenportal.feeds.enabled", havingValue = "true", matchIfMissing = true)
public class FeedLeadership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedLeadership.class);

    private final DataSourceProperties database;
    private final List<LeaderTask> tasks;
    private final PublicityProperties properties;
    private final Object sleeper = new Object();
    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;

    public FeedLeadership(DataSourceProperties database, List<LeaderTask> tasks, PublicityProperties properties) {
        this.database = database;
        this.tasks = tasks;
        this.properties = properties;
    }

    public boolean isLeader() {
        return leader;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("feed-leadership").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(18_000); // the followers' and the rebuilder's stops, within the 20 s shutdown phase
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has stopped taking requests and before the data sources close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword())) {
                if (tryLock(connection)) {
                    lead(connection);
                }
            } catch (SQLException e) {
                log.debug("feed leadership: {}", e.getMessage());
            }
            pause(properties.feeds().leadershipRetry().toMillis());
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_try_advisory_lock(hashtext('greenportal-publicity-feeds:' || ?))")) {
            statement.setString(1, properties.elasticsearch().alias());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void lead(Connection connection) {
        leader = true;
        log.info("this instance now follows the feeds");
        tasks.forEach(LeaderTask::start);
        try {
            while (running && connection.isValid(2)) {
                pause(1000);
            }
        } catch (SQLException e) {
            log.warn("feed leadership connection failed: {}", e.getMessage());
        } finally {
            tasks.forEach(LeaderTask::stop);
            leader = false;
            if (running) {
                log.warn("this instance stopped following the feeds (lost its lock connection)");
            }
        }
    }

    private void pause(long millis) {
        synchronized (sleeper) {
            if (running) {
                try {
                    sleeper.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
