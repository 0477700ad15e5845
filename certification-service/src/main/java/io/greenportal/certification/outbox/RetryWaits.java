package io.greenportal.certification.outbox;

import java.time.Duration;

/**
 * How long an outbox entry waits after its {@code failures}-th failed attempt: base, 2 × base,
 * 4 × base, ... at most {@link #MAX} however many failures (an entry can fail for days). The attempt
 * count is stored with the entry, so the wait is a function of it rather than a running back-off;
 * the registry outbox and the national outbox both retry on it.
 */
public record RetryWaits(Duration base) {

    public static final Duration MAX = Duration.ofMinutes(10);

    public Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
