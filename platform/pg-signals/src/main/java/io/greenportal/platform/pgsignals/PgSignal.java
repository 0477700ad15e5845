package io.greenportal.platform.pgsignals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes waiters when a NOTIFY on one channel commits. One connection of its own LISTENs (PostgreSQL
 * delivers a notification at commit); waiters also give up after a second, so a lost notification
 * or a broken listener costs at most that second. Stops after the web and gRPC servers (its phase),
 * closing the LISTEN connection before it returns.
 */
public class PgSignal implements SmartLifecycle {

    public static final Duration MAX_WAIT = Duration.ofSeconds(1);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Logger log = LoggerFactory.getLogger(PgSignal.class);

    private final String channel;
    private final ListenConnections connections;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    public PgSignal(String channel, ListenConnections connections) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.channel = channel;
        this.connections = connections;
    }

    public String channel() {
        return channel;
    }

    /** Waits until the next notification or at most {@link #MAX_WAIT}. */
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

    /** Whether the LISTEN connection is up (false while it reconnects: waiters poll every second). */
    public boolean listening() {
        return listening;
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
        listener = Thread.ofPlatform().daemon().name("listen-" + channel).start(this::listen);
    }

    /** Returns once the listener has closed its connection (it notices within {@link #MAX_WAIT}). */
    @Override
    public void stop() {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
            try {
                t.join(MAX_WAIT.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wake();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the servers whose streams wait on it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connections.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                while (running) {
                    var notifications = pg.getNotifications((int) MAX_WAIT.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        wake();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("listener on {} lost its connection; waiters fall back to polling every second: {}",
                            channel, e.getMessage());
                    pause();
                }
            } finally {
                listening = false;
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(MAX_WAIT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
