package io.greenportal.certification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How the registry outbox retries a registry that failed: doubling waits, capped at ten minutes. */
@Tag("unit")
class RegistryOutboxWorkerTest {

    private static Duration waitAfter(int failures) {
        return RegistryOutboxWorker.RETRY_WAITS.after(failures);
    }

    @Test
    void eachFailedAttemptDoublesTheWait() {
        assertThat(waitAfter(0)).as("no failure counted yet").isEqualTo(Duration.ofSeconds(2));
        assertThat(waitAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(waitAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(waitAfter(9)).isEqualTo(Duration.ofSeconds(512));
    }

    @Test
    void theWaitIsCappedAtTenMinutesHoweverLongTheRegistryIsDown() {
        assertThat(waitAfter(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(waitAfter(20)).isEqualTo(Duration.ofMinutes(10));
        assertThat(waitAfter(64)).as("no overflow after days of retries").isEqualTo(Duration.ofMinutes(10));
        assertThat(waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
        assertThat(new RetryWaits(Duration.ofDays(1)).after(3)).as("a long base is capped too").isEqualTo(Duration.ofMinutes(10));
        assertThat(RegistryOutboxWorker.LEASE).as("a lease outlasts any registry call (10 s deadlines)")
                .isGreaterThan(Duration.ofSeconds(10));
    }

    @Test
    void anApplicationsListingIsRequestedUnderOneIdForever() {
        UUID application = UUID.fromString("a9911ca7-0000-4000-8000-000000000001");
        assertThat(RegistryOutbox.registrationRequestId(application))
                .isEqualTo("certification:a9911ca7-0000-4000-8000-000000000001")
                .isEqualTo(RegistryOutbox.registrationRequestId(UUID.fromString(application.toString())));
    }
}
