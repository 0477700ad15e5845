package io.greenportal.certification.noticefeed;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the notice-feed streams when a notice change commits. One connection LISTENs on the notice
 * channel (PostgreSQL delivers NOTIFY at commit); streams also re-check every second, so a lost
 * notification or a broken listener costs at most that second.
 */
@Component
public class NoticeSignal implements SmartLifecycle {

    static final Duration MAX_WAIT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(NoticeSignal.class);

    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;
    private volatile boolean running;
    private Thread listener;

    public NoticeSignal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waits until the next commit or at most a second. */
    public void await() throws InterruptedException {
        lock.lock();
        try {
            long seen = generation;
            long nanos = MAX_WAIT.toNanos();
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    void wake() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("notice-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + NoticeLog.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications((int) MAX_WAIT.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        wake();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("notice listener lost its connection; streams fall back to polling every second: {}",
                            e.getMessage());
                    try {
                        TimeUnit.SECONDS.sleep(1);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
