package io.greenportal.publicity.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import io.greenportal.publicity.PublicityProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** When a test context closes, its Elasticsearch indices and Redis keys go with it. */
@TestConfiguration(proxyBeanMethods = false)
public class TestIndices {

    @Bean
    DisposableBean deleteTestIndices(ElasticsearchClient client, PublicityProperties properties,
            StringRedisTemplate redis) {
        return () -> {
            String alias = properties.elasticsearch().alias();
            if (!alias.startsWith("greenportal-test-")) {
                return;
            }
            try {
                client.indices().delete(d -> d.index(alias + "-*").allowNoIndices(true).ignoreUnavailable(true));
            } catch (Exception e) {
                // the indices stay; their names say they are test leftovers
            }
            try (var keys = redis.scan(ScanOptions.scanOptions().match(properties.cache().keyPrefix() + alias + ":*")
                    .count(1000).build())) {
                keys.forEachRemaining(redis::delete);
            } catch (Exception e) {
                // keys expire on their own, except the generation counter
            }
        };
    }
}
