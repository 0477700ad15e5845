package io.greenportal.gateway.security;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers bearer tokens that passed every check until they expire. A client sends the same
 * token for minutes; checking its RSA signature and parsing its claims again on every request was
 * the largest single cost of a bearer request at the gateway. Only exact token strings that were
 * accepted are remembered, so a forged, altered or foreign token always meets the full check, and a
 * remembered token stops being accepted the moment it expires. The services check every token
 * again themselves.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final int capacity;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder decoder, Clock clock, int capacity) {
        this.decoder = decoder;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (unexpired(known)) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(entry -> !unexpired(entry));
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    private boolean unexpired(Jwt jwt) {
        return clock.instant().isBefore(jwt.getExpiresAt());
    }

    int size() {
        return verified.size();
    }
}
