package io.greenportal.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import reactor.core.publisher.Mono;

/**
 * Remembers bearer tokens that passed every check until they expire. A client sends the same
 * token for minutes; checking its RSA signature and parsing its claims again on every request was
 * the largest single cost of a bearer request at the gateway. Only exact token strings that were
 * accepted are remembered, so a forged, altered or foreign token always meets the full check, and a
 * remembered token stops being accepted the moment it expires (Caffeine expires each entry at its
 * token's {@code exp}, on the gateway's clock). The services check every token again themselves.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(ReactiveJwtDecoder decoder, Clock clock, int capacity) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> Duration.between(clock.instant(), jwt.getExpiresAt())))
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run) // evict on the caller's thread: no pool task per request
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
