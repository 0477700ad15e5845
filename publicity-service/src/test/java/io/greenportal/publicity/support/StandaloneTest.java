package io.greenportal.publicity.support;

import io.greenportal.platform.test.CleanDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A second instance that does not follow the feeds, with an index alias and a database schema of
 * its own (tests fill its index directly through the indexer), and Redis pointed at a port where
 * nothing listens: it must answer everything uncached, without waiting for Redis.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.feeds.enabled=false",
        "greenportal.elasticsearch.alias=greenportal-test-standalone-${random.value}",
        "spring.data.redis.port=1",
        "spring.datasource.url=jdbc:postgresql://${GP_PG_HOST:127.0.0.1}:${GP_PG_PORT:5432}/greenportal_publicity_test${GP_TEST_DB_SUFFIX:}?currentSchema=standalone",
        "spring.flyway.schemas=standalone"})
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@Import({CleanDatabase.class, TestIndices.class})
public @interface StandaloneTest {
}
