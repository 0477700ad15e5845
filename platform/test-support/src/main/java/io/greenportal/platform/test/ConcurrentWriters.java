package io.greenportal.platform.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Several writers at once, each making {@code each} writes in a row: what a change log must put in
 * one gap-free order however the transactions interleave (the registry's change log, certification's
 * notice log).
 */
public final class ConcurrentWriters {

    private ConcurrentWriters() {
    }

    /** Runs the writers and returns the ids every write returned (a minute at most). */
    public static Set<String> write(int writers, int each, Callable<String> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ids.add(write.call());
                    }
                    return ids;
                }));
            }
            Set<String> written = new HashSet<>();
            for (Future<List<String>> future : futures) {
                written.addAll(future.get(60, TimeUnit.SECONDS));
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }
}
