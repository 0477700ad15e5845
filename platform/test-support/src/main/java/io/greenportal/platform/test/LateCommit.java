package io.greenportal.platform.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trap of a log numbered by a counter row (the registry's change log, certification's notice
 * log): a write that took a lower number but commits later must not be skipped by a reader that
 * already saw a higher one. Two writes: the first takes its number in a transaction it holds open
 * until the second is seen waiting for the counter's lock (pg_stat_activity), then commits.
 */
public final class LateCommit {

    /** What each write returned, the first committed before the second could take its number. */
    public record Written<T>(T first, T second) {
    }

    private LateCommit() {
    }

    public static <T> Written<T> twoWriters(TransactionTemplate transactions, DataSource database, Supplier<T> first,
            Supplier<T> second) throws Exception {
        CountDownLatch numbered = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<T> held = writers.submit(() -> transactions.execute(status -> {
                T written = first.get();
                numbered.countDown();
                try {
                    secondWaits.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return written;
            }));
            Waiting.atMost(Duration.ofSeconds(30), "the first write takes its number")
                    .until(() -> numbered.getCount() == 0 || held.isDone());
            Future<T> waiting = writers.submit(second::get);
            Waiting.atMost(Duration.ofSeconds(30), "the second writer waits for the first's lock")
                    .until(() -> lockWaiters(database) > 0 || held.isDone());
            secondWaits.countDown();
            return new Written<>(held.get(30, TimeUnit.SECONDS), waiting.get(30, TimeUnit.SECONDS));
        } finally {
            writers.shutdownNow();
        }
    }

    private static long lockWaiters(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
