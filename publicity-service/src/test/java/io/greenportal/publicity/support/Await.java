package io.greenportal.publicity.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until a condition holds, and says how long it took. */
public final class Await {

    private Await() {
    }

    /** Milliseconds until {@code condition} held, or -1 if it did not within {@code limit}. */
    public static long millisUntil(Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    public static void until(Duration limit, String what, BooleanSupplier condition) {
        if (millisUntil(limit, condition) < 0) {
            throw new AssertionError("not within " + limit + ": " + what);
        }
    }
}
