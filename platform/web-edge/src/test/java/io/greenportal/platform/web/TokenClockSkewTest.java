package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** A token is accepted at most 10 s after it expired (or before it is valid), not Spring's 60 s. */
@Tag("unit")
class TokenClockSkewTest {

    static Jwt token(Instant issued, Instant expires, Instant notBefore) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").issuedAt(issued).expiresAt(expires)
                .notBefore(notBefore).build();
    }

    @Test
    void tenSecondsEitherWay() {
        var validator = TokenClockSkew.validator(Duration.parse("PT" + TokenClockSkew.DEFAULT));
        Instant now = Instant.now();
        assertThat(validator.validate(token(now.minusSeconds(300), now.minusSeconds(8), now.minusSeconds(300))).hasErrors())
                .isFalse();
        assertThat(validator.validate(token(now.minusSeconds(300), now.minusSeconds(12), now.minusSeconds(300))).hasErrors())
                .isTrue();
        assertThat(validator.validate(token(now.minusSeconds(300), now.minusSeconds(59), now.minusSeconds(300))).hasErrors())
                .as("Spring's default skew would accept this").isTrue();
        assertThat(validator.validate(token(now, now.plusSeconds(300), now.plusSeconds(12))).hasErrors()).isTrue();
        assertThat(validator.validate(token(now, now.plusSeconds(300), now.plusSeconds(8))).hasErrors()).isFalse();
    }

    @Test
    void aSkewAboveAMinuteIsAConfigurationError() {
        assertThatThrownBy(() -> TokenClockSkew.validator(Duration.ofMinutes(5))).hasMessageContaining("token-clock-skew");
    }
}
