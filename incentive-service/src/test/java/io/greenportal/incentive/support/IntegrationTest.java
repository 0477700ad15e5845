package io.greenportal.incentive.support;

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
 * The incentive service on a random HTTP and gRPC port, with its own empty test database, checking
 * real Keycloak tokens and asking the registry (the in-memory fake of registry-fake) over gRPC. Every test class uses this same
 * configuration, so they share one context (and one follower of the registry's change feed).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@Import({CleanDatabase.class, RegistryCalls.class})
public @interface IntegrationTest {
}
