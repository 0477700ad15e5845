package io.greenportal.platform.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The one clock skew every service allows a token's {@code exp} and {@code nbf}: 10 s by default
 * ({@code greenportal.security.token-clock-skew}, GP_TOKEN_CLOCK_SKEW), the gateway's too. Checked
 * against the system clock, never an adjustable application clock (a development clock moved days
 * ahead must not expire every token).
 */
public final class TokenClockSkew {

    public static final String DEFAULT = "10s";
    static final Duration MAX = Duration.ofSeconds(60);

    private TokenClockSkew() {
    }

    public static JwtTimestampValidator validator(Duration skew) {
        if (skew.isNegative() || skew.compareTo(MAX) > 0) {
            throw new IllegalStateException("greenportal.security.token-clock-skew must be between 0 and 60 s, not " + skew);
        }
        var validator = new JwtTimestampValidator(skew);
        validator.setClock(Clock.systemUTC());
        return validator;
    }
}
