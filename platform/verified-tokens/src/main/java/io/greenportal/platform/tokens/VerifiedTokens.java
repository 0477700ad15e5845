package io.greenportal.platform.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Bearer tokens that passed every check (signature, issuer, audience, expiry), remembered until they
 * expire. A client sends the same token for minutes, and checking its RSA signature and parsing its
 * claims again on every request was the largest single cost of a bearer request (about a sixth of a
 * service's CPU for a registry read, docs/profile/README.md). Only exact token strings that were
 * accepted are remembered, so a forged, altered or foreign token always meets the full check, and a
 * remembered token stops being accepted the moment it expires (each entry expires at its token's
 * {@code exp}, on the given clock). A key removed from the realm stops new tokens at once; tokens it
 * signed that were already accepted live out their few minutes, as they would in a client's hands.
 */
public final class VerifiedTokens {

    /** Enough for every caller active within a token's lifetime on one replica; about 10 MB when full. */
    public static final int CAPACITY = 4096;

    private final Cache<String, Jwt> accepted;

    public VerifiedTokens(Clock clock, int capacity) {
        this.accepted = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> Duration.between(clock.instant(), jwt.getExpiresAt())))
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run) // evict on the caller's thread: no pool task per request
                .build();
    }

    /** The token's claims if it was accepted before and has not expired; null otherwise. */
    public Jwt recall(String token) {
        return accepted.getIfPresent(token);
    }

    /** Remembers a token the full check accepted (one without an expiry is never remembered). */
    public void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            accepted.put(token, jwt);
        }
    }

    public long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
