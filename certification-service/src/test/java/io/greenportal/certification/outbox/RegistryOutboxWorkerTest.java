package io.greenportal.certification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How the registry outbox retries a registry that failed: doubling waits, capped at ten minutes. */
@Tag("unit")
class RegistryOutboxWorkerTest {

    @Test
    void eachFailedAttemptDoublesTheWait() {
        assertThat(RegistryOutboxWorker.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RegistryOutboxWorker.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RegistryOutboxWorker.backoff(9)).isEqualTo(Duration.ofSeconds(512));
    }

    @Test
    void theWaitIsCappedAtTenMinutesHoweverLongTheRegistryIsDown() {
        assertThat(RegistryOutboxWorker.backoff(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RegistryOutboxWorker.backoff(20)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RegistryOutboxWorker.backoff(64)).as("no overflow after days of retries").isEqualTo(Duration.ofMinutes(10));
        assertThat(RegistryOutboxWorker.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
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
