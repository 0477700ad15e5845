package io.greenportal.registry.screening;

import io.greenportal.registry.imports.UploadedList;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.greenportal.registry.reference.Regions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs screening jobs one at a time, in the background, in chunks of {@link #CHUNK} rows: each chunk
 * is matched, written and counted in the job's progress. The registry is read once per job (names,
 * former names, listings), so a job's answers are as of its start.
 */
@Service
public class ScreeningService implements SmartLifecycle {

    static final int CHUNK = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ScreeningService.class);

    private final ScreeningStore store;
    private final PortfolioParser parser;
    private final CompanyNames names;
    private final Clock clock;
    private volatile ExecutorService runner;

    public ScreeningService(ScreeningStore store, PortfolioParser parser, Regions regions, Clock clock) {
        this.store = store;
        this.parser = parser;
        this.names = new CompanyNames(regions.all().values());
        this.clock = clock;
    }

    /** Parses the whole file (refusing it whole when it is not readable), records the job and queues it. */
    public UUID start(String bankId, String fileName, String contentType, byte[] content, String actor) {
        var format = UploadedList.Format.of(fileName, contentType);
        List<PortfolioRow> rows = parser.parse(content, format);
        UUID id = UUID.randomUUID();
        store.create(id, bankId, fileName == null ? "portfolio" : fileName, format.name(), rows.size(), actor,
                OffsetDateTime.now(clock));
        runner.submit(() -> run(id, rows));
        return id;
    }

    void run(UUID id, List<PortfolioRow> rows) {
        long started = System.nanoTime();
        try {
            store.started(id, OffsetDateTime.now(clock));
            var snapshot = store.snapshot();
            var screener = new PortfolioScreener(new NameMatcher(names, snapshot.names()), snapshot.currentNames(),
                    snapshot.listings());
            int matched = 0;
            int candidates = 0;
            int none = 0;
            for (int from = 0; from < rows.size(); from += CHUNK) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                List<ScreeningResult> results = new ArrayList<>(CHUNK);
                for (PortfolioRow row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                    ScreeningResult r = screener.screen(row);
                    results.add(r);
                    switch (r.outcome()) {
                        case MATCHED -> matched++;
                        case CANDIDATES -> candidates++;
                        case NO_MATCH -> none++;
                    }
                }
                store.insertResults(id, results);
                store.progress(id, Math.min(rows.size(), from + CHUNK), matched, candidates, none);
            }
            store.finished(id, ScreeningJob.Status.DONE, null, OffsetDateTime.now(clock));
            log.info("Screening {}: {} rows in {} ms ({} matched, {} with candidates, {} without a match)", id,
                    rows.size(), (System.nanoTime() - started) / 1_000_000, matched, candidates, none);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.finished(id, ScreeningJob.Status.FAILED, "stopped by a shutdown of the registry; upload it again",
                    OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            log.error("Screening {} failed", id, e);
            // the cause is in the log; the bank sees no SQL or stack, only what it can do
            store.finished(id, ScreeningJob.Status.FAILED, "the screening failed and was logged; upload the file again, "
                    + "or quote this screening's id to the portal's operators", OffsetDateTime.now(clock));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void failJobsCutOffByARestart() {
        int failed = store.failUnfinished(OffsetDateTime.now(clock));
        if (failed > 0) {
            log.warn("{} screening job(s) cut off by a restart marked FAILED", failed);
        }
    }

    @Override
    public void start() {
        runner = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("screening").daemon().factory());
    }

    @Override
    public void stop() {
        ExecutorService r = runner;
        if (r != null) {
            r.shutdownNow();
            try {
                r.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runner = null;
    }

    @Override
    public boolean isRunning() {
        return runner != null;
    }
}
