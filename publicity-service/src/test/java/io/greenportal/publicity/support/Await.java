package io.greenportal.publicity.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.greenportal.platform.test.Waiting;

/** Waits until a condition holds ({@link Waiting}: Awaitility), failing with what did not happen. */
public final class Await {

    private Await() {
    }

    public static void until(Duration limit, String what, BooleanSupplier condition) {
        Waiting.atMost(limit, what).until(condition::getAsBoolean);
    }
}
