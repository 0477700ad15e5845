package io.greenportal.gateway.redis;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
import reactor.core.publisher.MonoSink;

/**
 * Redis holds nothing a request cannot do without (rate-limit buckets, browser sessions), so a slow
 * or hung Redis must not make every request wait for a time-out. Calls go through a circuit: after
 * a few slow or failed calls it opens and callers get their fallback at once (rate limits are
 * decided by the gateway's own buckets); sessions have a circuit of their own that only failed or
 * timed-out calls open (a session is then not found). While it is open no request is
 * used as a trial; a background probe pings Redis every {@code probe-interval} and closes the
 * circuit as soon as Redis answers.
 * <p>
 * A call waits at most {@code timeout}: one watchdog for the whole gateway looks at the calls in
 * flight every fifth of it and gives the late ones their fallback: the rate limiter's script
 * carries no time-out of the Redis client's own ({@link RedisClientConfig} says why).
 */
@Component
public class RedisGuard implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final ReactiveRedisConnectionFactory redis;
    private final RedisGuardProperties properties;
    private final CircuitBreaker circuit;
    private final CircuitBreaker sessionCircuit;
    private final Set<InFlight<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Disposable probe;
    private volatile Disposable watchdog;

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
     * Runs {@code call} against Redis unless the circuit is open; a call that fails, or takes longer
     * than {@code timeout}, yields {@code fallback}. Failed and timed-out calls, and calls slower
     * than {@code slow-call}, count against Redis.
     */
    public <T> Mono<T> call(Mono<T> call, Supplier<T> fallback) {
        return through(circuit, call, fallback);
    }

    /** As {@link #call}, for browser sessions: only failed or timed-out calls count against Redis. */
    public <T> Mono<T> callForSessions(Mono<T> call, Supplier<T> fallback) {
        return through(sessionCircuit, call, fallback);
    }

    private <T> Mono<T> through(CircuitBreaker circuit, Mono<T> call, Supplier<T> fallback) {
        if (!circuit.tryAcquirePermission()) {
            return Mono.fromSupplier(fallback);
        }
        return Mono.create(sink -> {
            InFlight<T> running = new InFlight<>(circuit, fallback, sink);
            inFlight.add(running);
            running.upstream = call.contextWrite(sink.contextView())
                    .subscribe(running::answered, running::failed, () -> running.answered(null));
            sink.onCancel(running::cancelled);
        });
    }

    /** Gives every call that has waited longer than {@code timeout} its fallback. */
    private void expireLateCalls() {
        for (InFlight<?> running : inFlight) {
            running.expireIfLate();
        }
    }

    /** One call to Redis, settled once: by Redis's answer or error, by the watchdog, or by the caller cancelling. */
    private final class InFlight<T> {

        private final CircuitBreaker circuit;
        private final Supplier<T> fallback;
        private final MonoSink<T> sink;
        private final long start;
        private final AtomicBoolean settled = new AtomicBoolean();
        volatile Disposable upstream;

        InFlight(CircuitBreaker circuit, Supplier<T> fallback, MonoSink<T> sink) {
            this.circuit = circuit;
            this.fallback = fallback;
            this.sink = sink;
            this.start = circuit.getCurrentTimestamp();
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            inFlight.remove(this);
            return true;
        }

        private long elapsed() {
            return circuit.getCurrentTimestamp() - start;
        }

        void answered(T value) {
            if (settle()) {
                circuit.onSuccess(elapsed(), circuit.getTimestampUnit());
                sink.success(value);
            }
        }

        void failed(Throwable error) {
            if (settle()) {
                circuit.onError(elapsed(), circuit.getTimestampUnit(), error);
                sink.success(fallback.get());
            }
        }

        void expireIfLate() {
            if (elapsed() > circuit.getTimestampUnit().convert(properties.timeout()) && settle()) {
                circuit.onError(elapsed(), circuit.getTimestampUnit(),
                        new TimeoutException("Redis did not answer within " + properties.timeout()));
                sink.success(fallback.get());
                cancelUpstream();
            }
        }

        void cancelled() {
            if (settle()) {
                circuit.releasePermission();
            }
            cancelUpstream();
        }

        private void cancelUpstream() {
            Disposable running = upstream;
            if (running != null) {
                running.dispose();
            }
        }
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
        Duration tick = properties.timeout().dividedBy(5);
        watchdog = Flux.interval(tick.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : tick)
                .onBackpressureDrop().subscribe(t -> expireLateCalls());
    }

    @Override
    public void stop() {
        for (Disposable running : new Disposable[] {probe, watchdog}) {
            if (running != null) {
                running.dispose();
            }
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
