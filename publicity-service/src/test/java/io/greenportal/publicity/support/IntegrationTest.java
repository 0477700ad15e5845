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
 * The publicity service on random HTTP and gRPC ports, following the registry's feed (the in-memory
 * fake of registry-fake) into the real Elasticsearch under an alias of its own, with real Redis, its own
 * emptied test database and real Keycloak tokens. Every test class using it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "greenportal.elasticsearch.alias=greenportal-test-${random.value}")
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@Import({CleanDatabase.class, TestIndices.class})
public @interface IntegrationTest {
}
