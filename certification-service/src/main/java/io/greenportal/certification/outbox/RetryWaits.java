package io.greenportal.certification.outbox;

import java.time.Duration;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long an outbox entry waits after its {@code failures}-th failed attempt: Spring's
 * {@link ExponentialBackOff} from {@code base}, doubling, at most {@link #MAX} however many failures
 * (an entry can fail for days). The attempt count is stored with the entry, so the wait is the
 * back-off's {@code failures}-th step rather than a running execution; the registry outbox and the
 * national outbox both retry on it.
 */
public record RetryWaits(Duration base) {

    public static final Duration MAX = Duration.ofMinutes(10);

    public Duration after(int failures) {
        ExponentialBackOff doubling = new ExponentialBackOff(base.toMillis(), 2.0);
        doubling.setMaxInterval(MAX.toMillis());
        BackOffExecution waits = doubling.start();
        long wait = waits.nextBackOff();
        for (int step = 1; step < failures && wait < MAX.toMillis(); step++) {
            wait = waits.nextBackOff();
        }
        return Duration.ofMillis(wait);
    }
}
