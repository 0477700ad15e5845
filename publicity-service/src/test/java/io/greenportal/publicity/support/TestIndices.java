package io.greenportal.publicity.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import io.greenportal.publicity.PublicityProperties;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

/** When a test context closes, its Elasticsearch indices and Redis keys go with it. */
@TestConfiguration(proxyBeanMethods = false)
public class TestIndices {

    @Bean
    DisposableBean deleteTestIndices(ElasticsearchClient client, PublicityProperties properties,
            DataRedisProperties redisProperties) {
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
            // the context's own Redis connection is stopped by now (a lifecycle bean): use a fresh one
            RedisClient redis = RedisClient.create(RedisURI.create(redisProperties.getHost(), redisProperties.getPort()));
            try (var connection = redis.connect()) {
                var commands = connection.sync();
                ScanArgs match = ScanArgs.Builder.matches(properties.cache().keyPrefix() + alias + ":*").limit(1000);
                KeyScanCursor<String> cursor = commands.scan(match);
                while (true) {
                    if (!cursor.getKeys().isEmpty()) {
                        commands.del(cursor.getKeys().toArray(String[]::new));
                    }
                    if (cursor.isFinished()) {
                        break;
                    }
                    cursor = commands.scan(cursor, match);
                }
            } catch (Exception e) {
                // the keys expire on their own
            } finally {
                redis.shutdown();
            }
        };
    }
}
