package io.greenportal.gateway.redis;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Redis holds nothing a request cannot do without (rate-limit buckets, browser sessions), so a slow
 * or hung Redis must not make every request wait for a time-out. Calls go through a circuit: after
 * a few slow or failed calls it opens and callers get their fallback at once (rate limits are
 * decided by the gateway's own buckets); sessions have a circuit of their own that only failed or
 * timed-out calls open (a session is then not found). While it is open no request is
 * used as a trial; a background probe pings Redis every {@code probe-interval} and closes the
 * circuit as soon as Redis answers.
 */
@Component
public class RedisGuard implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final ReactiveRedisConnectionFactory redis;
    private final RedisGuardProperties properties;
    private final CircuitBreaker circuit;
    private final CircuitBreaker sessionCircuit;
    private volatile Disposable probe;

    public RedisGuard(ReactiveRedisConnectionFactory redis, RedisGuardProperties properties, CircuitBreakerRegistry circuits) {
        this.redis = redis;
        this.properties = properties;
        this.circuit = circuit(circuits, "redis", properties.slowCall(), properties.minimumCalls());
        // a session is not given up for slowness: under a flood the gateway's own queue makes every
        // call "slow" while Redis is fine, and the circuit opened and closed 118 times in the
        // publicity day; for rate limits that only means deciding in memory (LocalBuckets), for a
        // browser user it meant appearing logged out. Only failed or timed-out calls count here.
        this.sessionCircuit = circuit(circuits, "redis-sessions", properties.timeout(), properties.minimumCalls());
    }

    private static CircuitBreaker circuit(CircuitBreakerRegistry circuits, String name, Duration slowCall, int minimumCalls) {
        CircuitBreaker circuit = circuits.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(slowCall)
                .slowCallRateThreshold(50)
                // only the background probe closes it: requests never wait as trial calls
                .waitDurationInOpenState(Duration.ofDays(3650))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        circuit.getEventPublisher().onStateTransition(event -> log.warn("{} circuit: {}", name, event.getStateTransition()));
        return circuit;
    }

    /**
     * Runs {@code call} against Redis unless the circuit is open; a call that fails yields
     * {@code fallback}. Failed calls and calls slower than {@code slow-call} count against Redis.
     * The wait itself is bounded by the Redis client's command time-out (a timer per call here
     * would cost a thread hand-off on every request).
     */
    public <T> Mono<T> call(Mono<T> call, Supplier<T> fallback) {
        return through(circuit, call, fallback);
    }

    /** As {@link #call}, for browser sessions: only failed or timed-out calls count against Redis. */
    public <T> Mono<T> callForSessions(Mono<T> call, Supplier<T> fallback) {
        return through(sessionCircuit, call, fallback);
    }

    private static <T> Mono<T> through(CircuitBreaker circuit, Mono<T> call, Supplier<T> fallback) {
        if (!circuit.tryAcquirePermission()) {
            return Mono.fromSupplier(fallback);
        }
        long start = circuit.getCurrentTimestamp();
        return call
                .doOnSuccess(value -> circuit.onSuccess(circuit.getCurrentTimestamp() - start, circuit.getTimestampUnit()))
                .onErrorResume(error -> {
                    circuit.onError(circuit.getCurrentTimestamp() - start, circuit.getTimestampUnit(), error);
                    return Mono.fromSupplier(fallback);
                })
                .doOnCancel(circuit::releasePermission);
    }

    /** Neither circuit is open. */
    public boolean available() {
        return circuit.getState() != CircuitBreaker.State.OPEN && sessionCircuit.getState() != CircuitBreaker.State.OPEN;
    }

    @Override
    public Health health() {
        if (available()) {
            return Health.up().build();
        }
        var health = Health.down();
        if (circuit.getState() == CircuitBreaker.State.OPEN) {
            health.withDetail("circuit", "open: rate limits are counted in the gateway's memory until Redis answers");
        }
        if (sessionCircuit.getState() == CircuitBreaker.State.OPEN) {
            health.withDetail("sessionCircuit", "open: browser sessions are bypassed until Redis answers");
        }
        return health.build();
    }

    private Mono<Void> probeOnce() {
        if (available()) {
            return Mono.empty();
        }
        return Mono.usingWhen(Mono.fromSupplier(redis::getReactiveConnection),
                        connection -> connection.ping(),
                        connection -> connection.closeLater())
                .timeout(properties.timeout())
                .doOnNext(pong -> {
                    for (CircuitBreaker open : new CircuitBreaker[] {circuit, sessionCircuit}) {
                        if (open.getState() == CircuitBreaker.State.OPEN) {
                            open.transitionToClosedState();
                        }
                    }
                })
                .onErrorResume(error -> Mono.empty())
                .then();
    }

    @Override
    public void start() {
        // a probe slower than the interval skips ticks (without the drop, the interval would fail and stop probing)
        probe = Flux.interval(properties.probeInterval()).onBackpressureDrop().concatMap(tick -> probeOnce()).subscribe();
    }

    @Override
    public void stop() {
        Disposable running = probe;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return probe != null && !probe.isDisposed();
    }

    CircuitBreaker circuit() {
        return circuit;
    }

    CircuitBreaker sessionCircuit() {
        return sessionCircuit;
    }
}
