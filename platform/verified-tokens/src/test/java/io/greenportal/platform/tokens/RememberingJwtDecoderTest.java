package io.greenportal.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@Tag("unit")
class RememberingJwtDecoderTest {

    final Checks checks = new Checks();
    final VerifiedTokens verified = new VerifiedTokens(checks.clock, 3);
    final RememberingJwtDecoder decoder = new RememberingJwtDecoder(checks::check, verified);

    @Test
    void anAcceptedTokenIsCheckedOnceWhileItIsValid() {
        assertThat(decoder.decode("good-1").getSubject()).isEqualTo("good-1");
        checks.clock.now = Checks.NOW.plus(Duration.ofMinutes(4));
        assertThat(decoder.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(checks.checked).containsExactly("good-1");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        decoder.decode("good-1");
        checks.clock.now = Checks.EXPIRES_AT;
        assertThatThrownBy(() -> decoder.decode("good-1")).isInstanceOf(BadJwtException.class);
        assertThat(checks.checked).containsExactly("good-1", "good-1");
    }

    @Test
    void aRefusedTokenMeetsTheFullCheckEveryTime() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checks.checked).containsExactly("forged", "forged");
        assertThat(verified.size()).isZero();
    }

    @Test
    void aServicesDecoderBeanRemembersTheTokensItAccepted() {
        var checked = new AtomicInteger();
        JwtDecoder boots = token -> {
            checked.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                    .expiresAt(Instant.now().plusSeconds(300)).build();
        };
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(VerifiedTokensAutoConfiguration.class))
                .withBean(JwtDecoder.class, () -> boots)
                .run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    decoder.decode("token-a");
                    decoder.decode("token-a");
                    decoder.decode("token-b");
                    assertThat(checked).hasValue(2);
                });
    }
}
