package io.greenportal.platform.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/** Stands in for the signature and claim checks: accepts tokens named "good…" until they expire, and counts its calls. */
final class Checks {

    static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
    static final Instant EXPIRES_AT = NOW.plus(Duration.ofMinutes(5));

    final List<String> checked = new ArrayList<>();
    final MovableClock clock = new MovableClock();

    Jwt check(String token) {
        checked.add(token);
        if (!token.startsWith("good") || !clock.instant().isBefore(EXPIRES_AT)) {
            throw new BadJwtException("refused: " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(NOW).expiresAt(EXPIRES_AT).build();
    }

    static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
