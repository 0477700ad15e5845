package io.greenportal.incentive.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A bank's webhook secret at rest: encrypted and authenticated (AES-256-GCM), opened only with the same key. */
@Tag("unit")
class SecretBoxTest {

    static WebhookProperties withKey(String key) {
        return new WebhookProperties(key, false, false, Duration.ofSeconds(5), Duration.ofHours(1), 30,
                Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60), 8, 20, 10000, 100000);
    }

    final SecretBox box = new SecretBox(withKey("nx-portal-webhook-key-2026"));

    @Test
    void aSealedSecretOpensToItselfWhateverItHolds() {
        for (String secret : new String[] {"bank-a-hook-secret-0001", "宁夏银行回调密钥-甲", "x".repeat(500), "with\nnewline"}) {
            assertThat(box.open(box.seal(secret))).isEqualTo(secret);
        }
        assertThat(new SecretBox(withKey("nx-portal-webhook-key-2026")).open(box.seal("bank-a-hook-secret-0001")))
                .as("another instance with the same key, e.g. after a restart").isEqualTo("bank-a-hook-secret-0001");
    }

    @Test
    void aDatabaseDumpAloneRevealsNothing() {
        String sealed = box.seal("bank-a-hook-secret-0001");
        assertThat(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("bank-a");
        assertThat(box.seal("bank-a-hook-secret-0001")).as("a fresh IV every time").isNotEqualTo(sealed);
    }

    @Test
    void aTamperedOrForeignValueDoesNotOpen() {
        byte[] sealed = Base64.getDecoder().decode(box.seal("bank-a-hook-secret-0001"));
        sealed[sealed.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was the secret key changed?");
        var other = new SecretBox(withKey("another-key-entirely-0000"));
        String foreign = other.seal("bank-b-hook-secret-" + UUID.randomUUID());
        assertThatThrownBy(() -> box.open(foreign)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyMaterialIsAtLeastSixteenCharacters() {
        assertThatThrownBy(() -> new SecretBox(withKey("too-short-key"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("greenportal.incentive.webhooks.secret-key must be at least 16 characters");
        assertThatThrownBy(() -> new SecretBox(withKey(null))).isInstanceOf(IllegalStateException.class);
        assertThat(new SecretBox(withKey("0123456789abcdef")).open(new SecretBox(withKey("0123456789abcdef")).seal("s")))
                .isEqualTo("s");
    }

    @Test
    void anEventKeepsItsIdAcrossAttemptsAndReplays() {
        UUID subscription = UUID.fromString("5ab5c000-0000-4000-8000-00000000a001");
        assertThat(StatusChangeEvent.eventId(4711, subscription)).isEqualTo("4711-5ab5c000-0000-4000-8000-00000000a001")
                .isEqualTo(StatusChangeEvent.eventId(4711, subscription))
                .isNotEqualTo(StatusChangeEvent.eventId(4711, UUID.randomUUID()));
    }
}
