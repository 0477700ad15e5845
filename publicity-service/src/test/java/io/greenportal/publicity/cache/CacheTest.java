package io.greenportal.publicity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.greenportal.publicity.PublicityProperties;
import io.greenportal.publicity.changefeed.FeedLeadership;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;

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
}
