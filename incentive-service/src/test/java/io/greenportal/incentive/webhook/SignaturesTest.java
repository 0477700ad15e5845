package io.greenportal.incentive.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The signature a bank checks on every delivery: {@code v1=} and the hex HMAC-SHA256 of
 * {@code timestamp + "." + body} under the subscription's secret, over the body's exact UTF-8 bytes.
 * Expected values computed independently (Python's hmac module).
 */
@Tag("unit")
class SignaturesTest {

    static final String SECRET = "bank-a-hook-secret-0001";
    static final long TIMESTAMP = 1780279200L; // 2026-06-01T10:00:00+08:00
    static final String REVOCATION = "{\"eventId\":\"4711-5ab5c000-0000-4000-8000-00000000a001\","
            + "\"type\":\"listing.status_changed\",\"uscc\":\"91640100MA76A00010\",\"status\":\"REVOKED\","
            + "\"reason\":\"发生较大环境污染事件，撤销称号\"}";

    @Test
    void aRevocationEventIsSignedAsTheBanksOwnHmacComputesIt() {
        assertThat(Signatures.sign(SECRET, TIMESTAMP, REVOCATION))
                .isEqualTo("v1=7088ad5441ef6ca5e580e9e36f1dc2db365ae57a37084d0926dee16a632b8dff");
    }

    @Test
    void theSignatureCoversTheExactBytesSoReformattedJsonDoesNotVerify() {
        String reformatted = REVOCATION.replace(",\"type\"", ", \"type\"");
        assertThat(Signatures.sign(SECRET, TIMESTAMP, reformatted))
                .isEqualTo("v1=2c75a8481776dc3dfe8ccee4f97cbdc4786a886b0d984279deaa708e14bbac1f")
                .isNotEqualTo(Signatures.sign(SECRET, TIMESTAMP, REVOCATION));
    }

    @Test
    void anEmptyBodyIsSignedToo() {
        assertThat(Signatures.sign(SECRET, TIMESTAMP, ""))
                .isEqualTo("v1=6615a0b3fb3ad81d5e5b77955cd7dbdc0515c3332cdde9d484b333eb6ed0911d");
    }

    @Test
    void anotherSecretOrAReplayedTimestampGivesAnotherSignature() {
        String signature = Signatures.sign(SECRET, TIMESTAMP, REVOCATION);
        assertThat(Signatures.sign("bank-b-hook-secret-0002", TIMESTAMP, REVOCATION)).isNotEqualTo(signature);
        assertThat(Signatures.sign(SECRET, TIMESTAMP + 300, REVOCATION)).isNotEqualTo(signature);
        assertThat(signature).matches("v1=[0-9a-f]{64}");
        assertThat(Signatures.SIGNATURE).isEqualTo("X-GreenPortal-Signature");
        assertThat(Signatures.TIMESTAMP).isEqualTo("X-GreenPortal-Timestamp");
    }
}
