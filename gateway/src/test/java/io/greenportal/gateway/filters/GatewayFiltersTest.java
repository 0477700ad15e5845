package io.greenportal.gateway.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The gateway in-process in front of the running services (started by ./portal), rate limits off
 * (see RateLimitTest), and the incentive service's address pointing at a closed port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.enabled=false",
        "greenportal.gateway.cors-origins=https://portal.example.gov.cn",
        "GP_INCENTIVE_PORT=1"})
@AutoConfigureWebTestClient
class GatewayFiltersTest {

    @Autowired
    WebTestClient web;

    static final String PUBLIC_ENDPOINT = "/api/v1/registry/reference/regions";

    @Test
    void requestIdsAreKeptWhenSaneReplacedWhenNotAndReachTheService() {
        String id = "test-" + UUID.randomUUID();
        web.get().uri("/api/v1/registry/listings?size=0").header("Authorization", "Bearer " + Tokens.user("admin"))
                .header("X-Request-Id", id).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("X-Request-Id", id)
                .expectBody(JsonNode.class).value(problem -> assertThat(problem.get("requestId").asString()).isEqualTo(id));

        String generated = web.get().uri("/account").header("X-Request-Id", "<script>").exchange()
                .expectStatus().isOk().returnResult(byte[].class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
    }

    /** The portal serves no WebSocket: an upgrade to one is an ordinary request, answered by the service. */
    @Test
    void aWebSocketUpgradeOnARestRouteIsAnsweredAsAPlainRequest() {
        web.get().uri("/api/v1/certification/applications").header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyReachAService() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        web.post().uri("/api/v1/public/listings").contentType(MediaType.APPLICATION_JSON).bodyValue(twoMegabytes)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody(JsonNode.class).value(p -> assertThat(p.get("type").asString()).endsWith("/too-large"));

        // without a length the body is counted as it streams (to a service that reads it) and cut off at the cap
        // one long JSON string: the service keeps reading it until the gateway cuts the stream at the cap
        byte[] letters = new byte[64 * 1024];
        java.util.Arrays.fill(letters, (byte) 'a');
        var chunks = Flux.concat(Flux.just("{\"name\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Flux.range(0, 40).map(i -> letters)).map(DefaultDataBufferFactory.sharedInstance::wrap);
        web.post().uri("/api/v1/registry/listings").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + Tokens.user("admin"))
                .body(chunks, org.springframework.core.io.buffer.DataBuffer.class)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void securityHeadersAreOnEveryResponseAndThePageHasACsp() {
        web.get().uri("/account").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'",
                        "frame-ancestors 'none'"))
                .expectHeader().doesNotExist("Strict-Transport-Security");
        web.get().uri(PUBLIC_ENDPOINT).exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        web.options().uri("/api/v1/public/listings").header("Origin", "https://portal.example.gov.cn")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://portal.example.gov.cn");
        web.options().uri("/api/v1/public/listings").header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void aServiceThatIsDownIsA503ProblemNotAHang() {
        long start = System.nanoTime();
        web.mutate().responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri("/api/v1/incentives/programs").header("Authorization", "Bearer " + Tokens.user("ent-a")).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody(JsonNode.class).value(p -> assertThat(p.get("type").asString()).endsWith("/service-unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void badTokensStopAtTheGatewayBeforeAnyServiceIsCalled() {
        // the incentive service is unreachable here: a token that got through would end in a 503
        String forged = Tokens.user("ent-a");
        forged = forged.substring(0, forged.length() - 4) + "AAAA";
        web.get().uri("/api/v1/incentives/programs").header("Authorization", "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate")
                .expectBody(JsonNode.class).value(p -> assertThat(p.get("type").asString()).endsWith("/unauthenticated"));
        web.get().uri("/api/v1/incentives/programs").header("Authorization", "Bearer " + Tokens.foreignRealm()).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/v1/incentives/programs").header("Authorization", "Bearer not.a.jwt").exchange()
                .expectStatus().isUnauthorized();
    }
}
