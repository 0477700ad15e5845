package io.greenportal.certification.support;

import io.greenportal.platform.test.CleanDatabase;
import io.greenportal.platform.test.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The certification service as in {@link IntegrationTest}, but reaching the registry (gRPC) and
 * Keycloak's admin API through {@link StallingPeers}' proxies, which a test can stall, and with a pool
 * of only 3 database connections (one of them held by the notice feed's LISTEN), so that anything
 * holding a connection while it waits for a hung peer shows at once. It has its own schema
 * ({@code stalling}) of the test database, so the other context's workers never touch its rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.minimum-idle=3",
        "spring.datasource.url=jdbc:postgresql://${GP_PG_HOST:127.0.0.1}:${GP_PG_PORT:5432}/greenportal_certification_test${GP_TEST_DB_SUFFIX:}?currentSchema=stalling",
        "spring.flyway.schemas=stalling",
        "spring.flyway.default-schema=stalling"})
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@Import(CleanDatabase.class)
@ContextConfiguration(initializers = StallingPeers.class)
public @interface BehindStallingProxies {
}
