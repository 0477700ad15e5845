package io.greenportal.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

/** Slow Redis calls stop rate-limit checks; only failed or timed-out ones stop browser sessions. */
@Tag("unit")
class RedisGuardTest {

    final RedisGuard guard = new RedisGuard(null, new RedisGuardProperties(Duration.ofMillis(250), Duration.ofMillis(20), 5,
            Duration.ofSeconds(1)), CircuitBreakerRegistry.ofDefaults());

    static Mono<Integer> slow() {
        return Mono.just(1).delayElement(Duration.ofMillis(60));
    }

    @Test
    void slowCallsOpenTheRateLimitCircuitButNotTheSessionOne() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.call(slow(), () -> 0).block()).isEqualTo(1);
            // a busy gateway's queue makes every call slow while Redis is fine: the session is kept
            assertThat(guard.callForSessions(slow(), () -> 0).block()).isEqualTo(1);
        }
        assertThat(guard.circuit().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(guard.call(slow(), () -> 0).block()).as("asked no more: the fallback at once").isZero();
        assertThat(guard.sessionCircuit().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(guard.callForSessions(slow(), () -> 0).block()).isEqualTo(1);
        assertThat(guard.available()).isFalse();
    }

    @Test
    void aCallRedisNeverAnswersGetsItsFallbackOnceTheTimeoutHasPassedAndCountsAgainstRedis() {
        guard.start();
        try {
            for (var circuit : java.util.List.of(guard.circuit(), guard.sessionCircuit())) {
                Mono<Integer> hung = Mono.never();
                long started = System.nanoTime();
                Integer answer = circuit == guard.circuit() ? guard.call(hung, () -> 0).block(Duration.ofSeconds(10))
                        : guard.callForSessions(hung, () -> 0).block(Duration.ofSeconds(10));
                assertThat(answer).isZero();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
                assertThat(circuit.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
            }
            // an answer in time is the answer, and is not given up later
            assertThat(guard.call(Mono.just(7), () -> 0).block()).isEqualTo(7);
            assertThat(guard.call(Mono.<Integer>empty(), () -> 0).block()).isNull();
            assertThat(guard.circuit().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(2);
        } finally {
            guard.stop();
        }
    }

    @Test
    void failedCallsOpenTheSessionCircuit() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.callForSessions(Mono.<Integer>error(new IllegalStateException("Redis down")), () -> 0).block())
                    .isZero();
        }
        assertThat(guard.sessionCircuit().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(guard.circuit().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(guard.health().getDetails()).containsKey("sessionCircuit").doesNotContainKey("circuit");
    }
}
