package io.greenportal.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;

import reactor.core.publisher.Mono;

@Tag("unit")
class RememberingReactiveJwtDecoderTest {

    final Checks checks = new Checks();
    final VerifiedTokens verified = new VerifiedTokens(checks.clock, 3);
    final RememberingReactiveJwtDecoder decoder = new RememberingReactiveJwtDecoder(
            token -> Mono.fromCallable(() -> checks.check(token)), verified);

    @Test
    void anAcceptedTokenIsCheckedOnceWhileItIsValid() {
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("good-1");
        checks.clock.now = Checks.NOW.plus(Duration.ofMinutes(4));
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("good-1");
        assertThat(checks.checked).containsExactly("good-1");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        assertThat(decoder.decode("good-1").block()).isNotNull();
        checks.clock.now = Checks.EXPIRES_AT;
        assertThatThrownBy(() -> decoder.decode("good-1").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks.checked).containsExactly("good-1", "good-1");
    }

    @Test
    void aRefusedTokenMeetsTheFullCheckEveryTime() {
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks.checked).containsExactly("forged", "forged");
        assertThat(verified.size()).isZero();
    }

    @Test
    void memoryStaysWithinItsCapacity() {
        for (int i = 0; i < 10; i++) {
            assertThat(decoder.decode("good-" + i).block()).isNotNull();
        }
        assertThat(verified.size()).isLessThanOrEqualTo(3);
        assertThat(decoder.decode("good-9").block()).isNotNull();
        assertThat(checks.checked).hasSize(10);
    }
}
