package io.greenportal.incentive.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.incentive.webhook.DeliveryWorker;
import io.greenportal.platform.tracing.ChangeTraces;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Follows the registry's change feed ({@code WatchChanges}) from the durable cursor. A reader thread
 * takes changes off the stream into a small queue (when the queue is full the stream waits: gRPC
 * flow control); an applier thread applies them in batches and wakes the webhook worker. On any
 * failure both start over from the cursor, so nothing is lost or applied twice. Each connection is a
 * generation: changes still queued from an abandoned connection are dropped, never applied after a
 * gap.
 */
@Component
public class RegistryFeedFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistryFeedFollower.class);
    static final int BATCH = 500;

    private final ChangeFeedServiceGrpc.ChangeFeedServiceBlockingStub feed;
    private final ChangeApplier applier;
    private final FeedCursor cursor;
    private final DeliveryWorker worker;
    private final ChangeTraces traces;
    private final boolean enabled;
    private final Duration retryMax;

    private volatile boolean running;
    private volatile Context.CancellableContext call;
    private final AtomicLong generation = new AtomicLong();
    private BlockingQueue<Tagged> queue;
    private Thread reader;
    private Thread applying;

    public RegistryFeedFollower(ChangeFeedServiceGrpc.ChangeFeedServiceBlockingStub feed, ChangeApplier applier,
            FeedCursor cursor, DeliveryWorker worker, ChangeTraces traces,
            @Value("${greenportal.incentive.feed.enabled:true}") boolean enabled,
            @Value("${greenportal.incentive.feed.retry-max:30s}") Duration retryMax) {
        this.feed = feed;
        this.applier = applier;
        this.cursor = cursor;
        this.worker = worker;
        this.traces = traces;
        this.enabled = enabled;
        this.retryMax = retryMax;
    }

    private record Tagged(long generation, Change change) {
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        queue = new ArrayBlockingQueue<>(2 * BATCH);
        reader = Thread.ofPlatform().daemon().name("registry-feed-reader").start(this::read);
        applying = Thread.ofPlatform().daemon().name("registry-feed-applier").start(this::applyLoop);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        restartStream();
        for (Thread thread : new Thread[] {reader, applying}) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Reconnecting waits 500 ms, doubling after each failure up to retry-max; a clean end starts over. */
    private ExponentialBackOff reconnects() {
        ExponentialBackOff reconnects = new ExponentialBackOff(500, 2.0);
        reconnects.setMaxInterval(retryMax.toMillis());
        reconnects.setMaxElapsedTime(Long.MAX_VALUE);
        reconnects.setMaxAttempts(Long.MAX_VALUE);
        return reconnects;
    }

    private void read() {
        ExponentialBackOff reconnects = reconnects();
        BackOffExecution backoff = reconnects.start();
        while (running) {
            long connection = generation.incrementAndGet();
            long after;
            try {
                after = cursor.last(FeedCursor.REGISTRY);
            } catch (RuntimeException e) {
                log.warn("cannot read the feed cursor: {}", e.toString());
                if (!pause(backoff.nextBackOff())) {
                    return;
                }
                continue;
            }
            Context.CancellableContext context = Context.current().withCancellation();
            call = context;
            try {
                context.run(() -> {
                    Iterator<Change> changes = feed.watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(after).build());
                    log.info("following the registry's change feed after sequence {}", after);
                    while (running && changes.hasNext()) {
                        Change change = changes.next();
                        try {
                            queue.put(new Tagged(connection, change));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
                backoff = reconnects.start();
            } catch (StatusRuntimeException e) {
                if (running) {
                    log.warn("registry change feed interrupted ({}); reconnecting from the cursor", e.getStatus());
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("registry change feed failed: {}; reconnecting from the cursor", e.toString());
                }
            } finally {
                context.cancel(null);
            }
            if (!running || Thread.currentThread().isInterrupted() || !pause(backoff.nextBackOff())) {
                return;
            }
        }
    }

    private void applyLoop() {
        while (running) {
            try {
                Tagged first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Tagged> taken = new ArrayList<>(BATCH);
                taken.add(first);
                queue.drainTo(taken, BATCH - 1);
                long current = generation.get();
                List<Change> batch = taken.stream().filter(t -> t.generation() == current).map(Tagged::change).toList();
                if (!batch.isEmpty() && apply(batch) > 0) {
                    worker.wake();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.warn("could not apply registry changes ({}); starting over from the cursor", e.toString());
                generation.incrementAndGet();
                queue.clear();
                restartStream();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** In a span that continues (or links to) the traces of the writes behind the changes. */
    private int apply(List<Change> batch) throws Exception {
        return traces.applying("apply registry changes", batch.stream().map(Change::getTraceparent).toList(),
                () -> applier.apply(batch));
    }

    private boolean pause(long wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Hangs up the current stream; the reader reconnects from the durable cursor. */
    private void restartStream() {
        Context.CancellableContext current = call;
        if (current != null) {
            current.cancel(null);
        }
    }
}
