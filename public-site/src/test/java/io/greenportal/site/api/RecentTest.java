package io.greenportal.site.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shared answers of the home and publicity pages: kept, refreshed behind visitors, stale for a bounded time. */
@Tag("unit")
class RecentTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    /** A clock the test moves, and background refreshes the test runs when it chooses. */
    private final MovableClock clock = new MovableClock();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Recent recent = new Recent(TTL, clock, background::add);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean publicityDown = new AtomicBoolean();

    private String statistics() {
        if (publicityDown.get()) {
            throw new IllegalStateException("publicity is down");
        }
        return "answer " + calls.incrementAndGet();
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.remove().run();
        }
    }

    @Test
    void aBurstOfVisitorsWithinTheIntervalCostsOneCall() {
        for (int i = 0; i < 50; i++) {
            assertThat(recent.get("statistics", this::statistics)).isEqualTo("answer 1");
            clock.advance(Duration.ofMillis(50));
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void anOlderAnswerIsServedOnceWhileTheNextIsFetched() {
        recent.get("statistics", this::statistics);
        clock.advance(TTL.plusSeconds(1));

        assertThat(recent.get("statistics", this::statistics)).as("the visitor who triggers the refresh").isEqualTo("answer 1");
        assertThat(recent.get("statistics", this::statistics)).as("while it runs").isEqualTo("answer 1");
        assertThat(calls).as("nobody waited for the refresh").hasValue(1);

        runBackground();
        assertThat(recent.get("statistics", this::statistics)).isEqualTo("answer 2");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailingRefreshLeavesTheLastAnswerUntilItIsTooOld() {
        recent.get("targets", this::statistics);
        publicityDown.set(true);
        clock.advance(TTL.plusSeconds(1));
        assertThat(recent.get("targets", this::statistics)).isEqualTo("answer 1");
        runBackground();
        assertThat(recent.get("targets", this::statistics)).as("the failed refresh kept the answer").isEqualTo("answer 1");

        clock.advance(TTL.multipliedBy(Recent.STALE_LIMIT));
        assertThatThrownBy(() -> recent.get("targets", this::statistics))
                .as("past the stale limit the outage shows").hasMessage("publicity is down");
    }

    @Test
    void answersAreKeptPerKey() {
        assertThat(recent.get("notices:0:10", () -> "page 0")).isEqualTo("page 0");
        assertThat(recent.get("notices:1:10", () -> "page 1")).isEqualTo("page 1");
        assertThat(recent.get("notices:0:10", () -> "not asked")).isEqualTo("page 0");
    }

    @Test
    void aZeroIntervalKeepsNothing() {
        Recent off = new Recent(Duration.ZERO, clock, background::add);
        off.get("statistics", this::statistics);
        off.get("statistics", this::statistics);
        assertThat(calls).hasValue(2);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
