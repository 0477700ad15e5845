package io.greenportal.platform.test;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting for something that happens on another thread or in another process, with Awaitility:
 * polls often, gives up with the condition named. Never sleep and then assert.
 */
public final class Waiting {

    public static final Duration POLL = Duration.ofMillis(50);

    private Waiting() {
    }

    /** e.g. {@code Waiting.atMost(Duration.ofSeconds(10), "the listing is indexed").until(() -> ...)} */
    public static ConditionFactory atMost(Duration limit, String what) {
        return Awaitility.await(what).atMost(limit).pollInterval(POLL).pollDelay(Duration.ZERO);
    }
}
