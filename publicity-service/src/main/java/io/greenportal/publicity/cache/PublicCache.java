package io.greenportal.publicity.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.greenportal.publicity.PublicityProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hot public reads (rendered JSON, feeds) in Redis, kept and served as the UTF-8 bytes of the
 * response: a hit is copied from Redis to the client without being decoded into a Java string and
 * encoded again (for Chinese text that round trip cost more than the Redis calls). Every key carries the current generation; the
 * feed followers bump it after each change is visible in Elasticsearch and PostgreSQL, so one
 * increment invalidates everything at once and no reader can see an answer older than the last
 * applied change. Entries also expire after a short TTL as a safety net.
 * <p>
 * Redis is optional: after one failed command the cache is bypassed (answers computed directly)
 * until a background probe finds Redis again, so an outage costs no request any waiting.
 */
@Component
public class PublicCache {

    private static final Logger log = LoggerFactory.getLogger(PublicCache.class);
    private static final java.time.Duration GENERATION_TTL = java.time.Duration.ofDays(7);

    private final StringRedisTemplate redis;
    private final RedisTemplate<String, byte[]> bodies;
    private final PublicityProperties.Cache settings;
    private final String namespace;
    private final Clock clock;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong bypassed = new AtomicLong();
    private volatile boolean available;
    private volatile boolean bumpPending;
    private volatile String lastFailure;
    private volatile OffsetDateTime unavailableSince;

    public PublicCache(StringRedisTemplate redis, PublicityProperties properties, Clock clock) {
        this.redis = redis;
        this.bodies = new RedisTemplate<>();
        bodies.setConnectionFactory(redis.getRequiredConnectionFactory());
        bodies.setKeySerializer(RedisSerializer.string());
        bodies.setValueSerializer(RedisSerializer.byteArray());
        bodies.afterPropertiesSet();
        this.settings = properties.cache();
        this.namespace = settings.keyPrefix() + properties.elasticsearch().alias() + ":";
        this.clock = clock;
    }

    /** The cached value for this kind and key, or what {@code compute} returns (then cached). */
    public byte[] get(String kind, String key, Supplier<byte[]> compute) {
        return getComplete(kind, key, () -> new Answer(compute.get(), true));
    }

    /** A computed answer; a partial one (a source was down while computing it) is served but never cached. */
    public record Answer(byte[] body, boolean complete) {
    }

    /** As {@link #get}, for answers that may be partial: those are returned uncached. */
    public byte[] getComplete(String kind, String key, Supplier<Answer> compute) {
        if (!settings.enabled() || !available) {
            bypassed.incrementAndGet();
            return compute.get().body();
        }
        String redisKey;
        try {
            String generation = redis.opsForValue().get(namespace + "generation");
            redisKey = namespace + "g" + (generation == null ? "0" : generation) + ":" + kind + ":" + digest(key);
            byte[] cached = bodies.opsForValue().get(redisKey);
            if (cached != null) {
                hits.incrementAndGet();
                return cached;
            }
        } catch (RuntimeException e) {
            failed(e);
            bypassed.incrementAndGet();
            return compute.get().body();
        }
        misses.incrementAndGet();
        Answer answer = compute.get();
        if (!answer.complete()) {
            return answer.body();
        }
        try {
            bodies.opsForValue().set(redisKey, answer.body(), settings.ttl());
        } catch (RuntimeException e) {
            failed(e);
        }
        return answer.body();
    }

    /** Everything cached so far is stale: called after a change became visible. */
    public void invalidate() {
        bumpPending = true;
        bump();
    }

    private void bump() {
        if (!settings.enabled() || !available) {
            return;
        }
        try {
            increment();
            bumpPending = false;
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * The counter lives a week past its last change: long after every entry keyed by it has
     * expired, so starting over from 1 then cannot meet an old entry.
     */
    private void increment() {
        String key = namespace + "generation";
        redis.opsForValue().increment(key);
        redis.expire(key, GENERATION_TTL);
    }

    /** Finds Redis again after a failure, and only then lets requests use it. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${greenportal.cache.probe-interval:1s}")
    void probe() {
        if (!settings.enabled()) {
            return;
        }
        if (!available) {
            try {
                redis.opsForValue().get(namespace + "generation");
                if (bumpPending) {
                    // what was cached before the outage may predate changes applied during it
                    increment();
                    bumpPending = false;
                }
                available = true;
                if (unavailableSince != null) {
                    log.info("Redis is back; public reads are cached again");
                }
                unavailableSince = null;
                lastFailure = null;
            } catch (RuntimeException e) {
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (unavailableSince == null) {
                    unavailableSince = OffsetDateTime.now(clock);
                }
            }
        } else if (bumpPending) {
            bump();
        }
    }

    private void failed(RuntimeException e) {
        if (available) {
            log.warn("Redis failed ({}); answering uncached until it is back", e.getMessage());
        }
        available = false;
        bumpPending = true;
        lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (unavailableSince == null) {
            unavailableSince = OffsetDateTime.now(clock);
        }
    }

    public record Status(boolean enabled, boolean available, OffsetDateTime unavailableSince, String lastFailure,
            long hits, long misses, long bypassed) {
    }

    public Status status() {
        return new Status(settings.enabled(), available, unavailableSince, lastFailure, hits.get(), misses.get(),
                bypassed.get());
    }

    static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
