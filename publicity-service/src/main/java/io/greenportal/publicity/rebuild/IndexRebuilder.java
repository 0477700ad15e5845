package io.greenportal.publicity.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.publicity.cache.PublicCache;
import io.greenportal.publicity.changefeed.FeedPositions;
import io.greenportal.publicity.changefeed.FeedStream;
import io.greenportal.publicity.changefeed.LeaderTask;
import io.greenportal.publicity.search.ListingDocument;
import io.greenportal.publicity.search.ListingIndex;
import io.greenportal.publicity.search.ListingIndexer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs requested rebuilds on the instance that follows the feeds. The public keeps searching the
 * old index throughout; the alias moves only when the new index holds everything:
 * <ol>
 * <li>create the new index; under the writer lock, make the live follower write every later batch
 * to both indices and read the live position {@code P};</li>
 * <li>replay the registry feed from 0 to {@code P} into the new index (versions make the replay and
 * the live writes commute);</li>
 * <li>under the writer lock again, refresh the new index, move the alias atomically, make it the
 * live index and stop writing to the old one, which is then deleted.</li>
 * </ol>
 * A change arriving at any moment lands in the new index either by the replay (sequence ≤ P) or by
 * the dual write (sequence > P), so nothing is lost at the switch.
 */
@Component
public class IndexRebuilder implements LeaderTask {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuilder.class);
    static final int BATCH = 1000;
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(30);
    /** Who asked, in the rebuild's record, when the service itself asks for a newer index definition. */
    static final String DEFINITION_CHANGED = "publicity-service (index definition changed)";

    private final RebuildStore rebuilds;
    private final ListingIndex index;
    private final ListingIndexer indexer;
    private final FeedPositions positions;
    private final ChangeFeedServiceGrpc.ChangeFeedServiceStub feed;
    private final PublicCache cache;
    private final Object sleeper = new Object();
    private volatile boolean running;
    private Thread thread;

    public IndexRebuilder(RebuildStore rebuilds, ListingIndex index, ListingIndexer indexer, FeedPositions positions,
            ChangeFeedServiceGrpc.ChangeFeedServiceStub registryChangeFeed, PublicCache cache) {
        this.rebuilds = rebuilds;
        this.index = index;
        this.indexer = indexer;
        this.positions = positions;
        this.feed = registryChangeFeed;
        this.cache = cache;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("index-rebuild").start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(8_000); // an interrupted rebuild starts over on the next leader (tidy)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Wakes the worker at once, e.g. after a request came in on this instance. */
    public void nudge() {
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    private void run() {
        boolean tidied = false;
        while (running) {
            try {
                // both wait until the registry follower has found (or created) the live index
                if (indexer.live() != null) {
                    if (!tidied) {
                        tidy();
                        tidied = true;
                    }
                    var claimed = rebuilds.claim();
                    if (claimed.isPresent()) {
                        rebuild(claimed.get().id());
                        continue;
                    }
                }
            } catch (RuntimeException e) {
                log.warn("index rebuild worker: {}", e.getMessage());
            } catch (Exception e) {
                log.warn("index rebuild worker: {}", e.getMessage());
            }
            synchronized (sleeper) {
                if (running) {
                    try {
                        sleeper.wait(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * Rebuilds interrupted on another instance start over; their half-built indices go. A live index
     * created from an older definition (a field added since, say) is rebuilt from the feed, as an
     * administrator's request would be: the public keeps searching it meanwhile.
     */
    private void tidy() throws Exception {
        int requeued = rebuilds.requeueRunning();
        if (requeued > 0) {
            log.info("an interrupted index rebuild starts over");
        }
        int version = index.version(indexer.live());
        if (version < index.definitionVersion()) {
            log.info("the public index {} follows index definition {}, this service writes {}: rebuilding it",
                    indexer.live(), version, index.definitionVersion());
            rebuilds.request(DEFINITION_CHANGED);
        }
        List<String> aliased = index.aliased();
        for (String physical : index.physical()) {
            if (!aliased.contains(physical) && !physical.equals(indexer.live())
                    && !physical.equals(indexer.rebuildTarget())) {
                log.info("deleting {}, an index no alias points to (left by an interrupted rebuild)", physical);
                index.delete(physical);
            }
        }
    }

    private void rebuild(UUID id) {
        String target = null;
        try {
            target = index.create();
            String newIndex = target;
            String previous = indexer.live();
            long until = indexer.exclusively(() -> {
                indexer.startDualWrite(newIndex);
                return positions.lastSequence(FeedPositions.REGISTRY);
            });
            rebuilds.started(id, target, previous, until);
            log.info("rebuilding the public index into {}: replaying the registry feed up to {}", target, until);
            replay(id, target, until);
            String old = indexer.exclusively(() -> {
                index.refresh(newIndex);
                index.switchTo(newIndex);
                String was = indexer.live();
                indexer.useLive(newIndex);
                indexer.stopDualWrite();
                positions.moveTo(FeedPositions.REGISTRY, newIndex);
                return was;
            });
            cache.invalidate();
            if (old != null && !old.equals(newIndex)) {
                index.delete(old);
            }
            long documents = index.count(newIndex);
            rebuilds.done(id, documents);
            log.info("the public index is now {} ({} listings); {} deleted", newIndex, documents, old);
        } catch (Exception e) {
            log.warn("index rebuild {} failed: {}", id, e.toString());
            try {
                indexer.exclusively(() -> {
                    indexer.stopDualWrite();
                    return null;
                });
                if (target != null && !target.equals(indexer.live())) {
                    index.delete(target);
                }
            } catch (Exception cleanup) {
                log.warn("cleaning up after the failed rebuild: {}", cleanup.getMessage());
            }
            rebuilds.failed(id, running ? String.valueOf(e.getMessage()) : "stopped: this instance stopped following the feeds");
        }
    }

    /**
     * Replays the registry feed (0, until] into the target index, resuming the stream if it breaks:
     * after 500 ms, doubling up to 10 s, ten times in a row at most (a batch that arrives starts over).
     */
    private void replay(UUID id, String target, long until) throws Exception {
        long last = 0;
        long replayed = 0;
        ExponentialBackOff resumes = new ExponentialBackOff(500, 2.0);
        resumes.setMaxInterval(10_000);
        resumes.setMaxAttempts(10);
        BackOffExecution backoff = resumes.start();
        while (last < until) {
            if (!running) {
                throw new IllegalStateException("stopped");
            }
            FeedStream<WatchChangesRequest, Change> stream = new FeedStream<>(BATCH * 2);
            feed.watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(last).build(), stream);
            try {
                long quietSince = System.nanoTime();
                while (last < until && running) {
                    List<Change> batch = stream.next(BATCH, Duration.ofSeconds(1));
                    if (batch.isEmpty()) {
                        if (System.nanoTime() - quietSince > QUIET_LIMIT.toNanos()) {
                            throw new IllegalStateException("the registry feed sent nothing for " + QUIET_LIMIT);
                        }
                        continue;
                    }
                    quietSince = System.nanoTime();
                    List<ListingDocument> documents = new ArrayList<>(batch.size());
                    for (Change change : batch) {
                        if (change.getSequence() > last && change.getSequence() <= until) {
                            documents.add(ListingDocument.from(change.getListing(), change.getSequence()));
                        }
                    }
                    indexer.writeTo(target, documents, false);
                    replayed += documents.size();
                    last = Math.max(last, batch.getLast().getSequence());
                    stream.applied(batch.size());
                    rebuilds.progress(id, replayed, Math.min(last, until));
                    backoff = resumes.start();
                }
            } catch (FeedStream.Ended e) {
                long wait = backoff.nextBackOff();
                if (wait == BackOffExecution.STOP) {
                    throw e;
                }
                log.info("rebuild: the registry stream broke at {} ({}); resuming", last, e.getMessage());
                Thread.sleep(wait);
            } finally {
                stream.cancel();
            }
        }
    }
}
