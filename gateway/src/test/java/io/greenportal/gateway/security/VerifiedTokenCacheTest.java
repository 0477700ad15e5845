package io.greenportal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

@Tag("unit")
class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

    /** Stands in for the signature and claim checks: accepts tokens named "good…", counts its calls. */
    static final class CheckingDecoder implements ReactiveJwtDecoder {
        final List<String> checked = new ArrayList<>();
        final MovableClock clock;

        CheckingDecoder(MovableClock clock) {
            this.clock = clock;
        }

        @Override
        public Mono<Jwt> decode(String token) {
            checked.add(token);
            Instant expiresAt = NOW.plus(Duration.ofMinutes(5));
            if (!token.startsWith("good") || !clock.instant().isBefore(expiresAt)) {
                return Mono.error(new BadJwtException("refused: " + token));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                    .issuedAt(NOW).expiresAt(expiresAt).build());
        }
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

    final MovableClock clock = new MovableClock();
    final CheckingDecoder checks = new CheckingDecoder(clock);
    final VerifiedTokenCache cache = new VerifiedTokenCache(checks, clock, 3);

    @Test
    void anAcceptedTokenIsCheckedOnceWhileItIsValid() {
        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("good-1");
        clock.now = NOW.plus(Duration.ofMinutes(4));
        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("good-1");
        assertThat(checks.checked).containsExactly("good-1");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        assertThat(cache.decode("good-1").block()).isNotNull();
        clock.now = NOW.plus(Duration.ofMinutes(5));
        assertThatThrownBy(() -> cache.decode("good-1").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks.checked).containsExactly("good-1", "good-1");
    }

    @Test
    void aRefusedTokenMeetsTheFullCheckEveryTime() {
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks.checked).containsExactly("forged", "forged");
        assertThat(cache.size()).isZero();
    }

    @Test
    void memoryStaysWithinItsCapacity() {
        for (int i = 0; i < 10; i++) {
            assertThat(cache.decode("good-" + i).block()).isNotNull();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.decode("good-9").block()).isNotNull();
        assertThat(checks.checked).hasSize(10);
    }
}
