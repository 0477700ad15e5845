package io.greenportal.publicity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.greenportal.publicity.PublicityProperties;
import io.greenportal.publicity.changefeed.FeedLeadership;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Hot reads come from Redis, under the current generation; a bump makes every entry stale at once. */
@IntegrationTest
class CacheTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    PublicCache cache;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PublicityProperties properties;

    @Autowired
    FeedLeadership leadership;

    @Autowired
    ObservationRegistry observations;

    @AfterEach
    void following() {
        if (!leadership.isRunning()) {
            leadership.start();
        }
    }

    @Test
    void aRepeatedReadIsServedFromRedisUntilTheNextChange() {
        Api api = new Api(rest);
        // no change may bump the generation between the two reads
        leadership.stop();
        Await.until(Duration.ofSeconds(10), "Redis in use", () -> cache.status().available());
        String uri = "/api/v1/public/listings?q={q}&size=3";
        String q = "有限公司 " + System.nanoTime();
        var first = api.get(uri, q);
        long hits = cache.status().hits();
        var second = api.get(uri, q);
        assertThat(cache.status().hits()).isEqualTo(hits + 1);
        assertThat(second).isEqualTo(first);

        String namespace = properties.cache().keyPrefix() + properties.elasticsearch().alias() + ":";
        String generation = redis.opsForValue().get(namespace + "generation");
        assertThat(redis.keys(namespace + "g" + generation + ":search:*")).isNotEmpty();

        cache.invalidate();
        assertThat(Long.parseLong(redis.opsForValue().get(namespace + "generation"))).isGreaterThan(Long.parseLong(generation));
        long misses = cache.status().misses();
        api.get(uri, q);
        assertThat(cache.status().misses()).as("after a bump the same read is computed again").isEqualTo(misses + 1);
    }

    /** Counts the observations started, by name. */
    static final class StartedObservations implements ObservationHandler<Observation.Context> {
        final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();

        @Override
        public void onStart(Observation.Context context) {
            started.computeIfAbsent(context.getName(), name -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        int of(String name) {
            return started.getOrDefault(name, new AtomicInteger()).get();
        }
    }

    @Test
    void aCachedReadTimesTheRequestButNotEachRedisCommand() {
        leadership.stop();
        Await.until(Duration.ofSeconds(10), "Redis in use", () -> cache.status().available());
        StartedObservations counted = new StartedObservations();
        observations.observationConfig().observationHandler(counted);
        Api api = new Api(rest);
        String q = "有限公司 " + System.nanoTime();
        long hits = cache.status().hits();
        api.get("/api/v1/public/listings?q={q}&size=3", q);
        api.get("/api/v1/public/listings?q={q}&size=3", q);
        assertThat(cache.status().hits()).as("the second read came from Redis").isGreaterThan(hits);
        assertThat(counted.of("http.server.requests")).as("requests observed").isGreaterThanOrEqualTo(2);
        assertThat(counted.of("lettuce")).as("observations of the cache's Redis commands").isZero();
    }
}
