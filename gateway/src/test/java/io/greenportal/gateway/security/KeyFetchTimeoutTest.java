package io.greenportal.gateway.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The realm's signing keys come from a Keycloak that accepts the connection and never answers (a
 * socket of this test's own, standing in for a hung Keycloak): a bearer request gets the 503 with
 * Retry-After after the key-fetch time-out, instead of waiting for ever.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.enabled=false", "greenportal.gateway.key-fetch-timeout=1s"})
@AutoConfigureWebTestClient(timeout = "20s")
class KeyFetchTimeoutTest {

    static final ServerSocket SILENT;
    static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    static {
        try {
            SILENT = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofVirtual().start(() -> {
            while (!SILENT.isClosed()) {
                try {
                    HELD.add(SILENT.accept()); // read nothing, answer nothing
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @DynamicPropertySource
    static void keysFromASilentKeycloak(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/realms/greenportal");
    }

    @AfterAll
    static void close() throws IOException {
        SILENT.close();
        for (Socket socket : HELD) {
            socket.close();
        }
    }

    @Autowired
    WebTestClient web;

    @Test
    void aKeycloakThatNeverAnswersGivesA503WithRetryAfterNotAHang() {
        web.get().uri("/api/v1/registry/listings").header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.user("ent-a"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "5");
        org.assertj.core.api.Assertions.assertThat(HELD).as("the gateway did ask the silent Keycloak").isNotEmpty();
    }
}
