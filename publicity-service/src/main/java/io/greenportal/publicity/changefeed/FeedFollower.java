package io.greenportal.publicity.changefeed;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.greenportal.platform.tracing.ChangeTraces;
import io.greenportal.publicity.PublicityProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Follows one gRPC change feed: opens the stream after the stored position, applies what arrives
 * in batches, and on any failure (the feed's service down, Elasticsearch or PostgreSQL down)
 * drops the stream, waits with exponential back-off and resumes from the stored position. Since
 * the position is stored only after a batch's effects are, a failure can make a batch be applied
 * twice but never skipped; applying is idempotent.
 */
public abstract class FeedFollower<T> implements LeaderTask {

    /** How long stopping waits for a batch being applied (within the 20 s shutdown phase, with the rebuilder's). */
    static final Duration STOP_WAIT = Duration.ofSeconds(8);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final PublicityProperties.Feeds settings;
    private final Clock clock;
    private final ChangeTraces traces;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile FeedStream<?, T> stream;
    private volatile boolean connected;
    private volatile String lastError;
    private volatile OffsetDateTime lastAppliedAt;
    private volatile long applied;
    private volatile long failedAttempts;
    private final Object sleeper = new Object();

    protected FeedFollower(String name, PublicityProperties.Feeds settings, Clock clock, ChangeTraces traces) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
        this.traces = traces;
    }

    /** Everything before following: e.g. making sure the index exists. Retried with back-off. */
    protected void prepare() throws Exception {
    }

    protected abstract long position();

    protected abstract FeedStream<?, T> open(long after, int window);

    protected abstract void apply(List<T> batch) throws Exception;

    /** The W3C traceparent of the write behind a change (empty when it had none). */
    protected abstract String traceparent(T change);

    /** Applies a batch in a span that continues (or links to) the traces of the writes behind it. */
    private void applyTraced(List<T> batch) throws Exception {
        traces.applying(name + " feed apply", batch.stream().map(this::traceparent).toList(), () -> {
            apply(batch);
            log.info("{} feed: applied {} changes", name, batch.size());
            return null;
        });
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name + "-feed").start(this::follow);
    }

    /** Stops and waits until no batch is being applied any more. */
    @Override
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t == null) {
            return;
        }
        FeedStream<?, T> s = stream;
        if (s != null) {
            s.cancel();
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        // no interrupt: a batch being applied finishes (and stores its position) first
        try {
            t.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        connected = false;
    }

    public boolean isRunning() {
        return running;
    }

    /** {@code failedAttempts}: attempts failed in a row since the last batch applied (0 when healthy). */
    public record Status(String feed, boolean running, boolean connected, long position, long appliedSinceStart,
            OffsetDateTime lastAppliedAt, String lastError, long failedAttempts) {
    }

    public Status status() {
        long position;
        try {
            position = position();
        } catch (RuntimeException e) {
            position = -1;
        }
        return new Status(name, running, connected, position, applied, lastAppliedAt, lastError, failedAttempts);
    }

    /** Doubling from minBackoff up to maxBackoff, for as long as the follower runs. */
    private ExponentialBackOff retries() {
        ExponentialBackOff retries = new ExponentialBackOff(settings.minBackoff().toMillis(), 2.0);
        retries.setMaxInterval(settings.maxBackoff().toMillis());
        retries.setMaxElapsedTime(Long.MAX_VALUE);
        retries.setMaxAttempts(Long.MAX_VALUE);
        return retries;
    }

    private void follow() {
        ExponentialBackOff retries = retries();
        BackOffExecution backoff = retries.start();
        long wait = 0;
        boolean prepared = false;
        while (running) {
            FeedStream<?, T> current = null;
            try {
                if (!prepared) {
                    prepare();
                    prepared = true;
                }
                current = open(position(), settings.batchSize() * 2);
                stream = current;
                connected = true;
                while (running) {
                    List<T> batch = current.next(settings.batchSize(), Duration.ofSeconds(1));
                    if (batch.isEmpty()) {
                        continue;
                    }
                    applyTraced(batch);
                    current.applied(batch.size());
                    applied += batch.size();
                    lastAppliedAt = OffsetDateTime.now(clock);
                    if (lastError != null) {
                        log.info("{} feed: applying again after a failure", name);
                        lastError = null;
                    }
                    failedAttempts = 0;
                    backoff = retries.start();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                wait = backoff.nextBackOff();
                if (!error.equals(lastError)) {
                    log.warn("{} feed: {}; retrying in {} ms from the stored position", name, error, wait);
                } else {
                    log.debug("{} feed still failing: {}", name, error);
                }
                lastError = error;
                failedAttempts++;
            } finally {
                connected = false;
                if (current != null) {
                    current.cancel();
                }
                stream = null;
            }
            if (!running) {
                break;
            }
            try {
                synchronized (sleeper) {
                    if (running) {
                        sleeper.wait(Math.max(wait, 1));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }
}
