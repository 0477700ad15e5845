package io.greenportal.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.incentive.support.IntegrationTest;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

import java.util.List;
import java.util.UUID;

import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** What operators and other tools rely on: open probes, the OpenAPI document, gRPC health. */
@IntegrationTest
class ServiceTest {

    @Autowired
    RestTestClient rest;

    @Value("${local.grpc.port}")
    int grpcPort;

    @Test
    void probesAndTheApiDocumentNeedNoToken() {
        rest.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        rest.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        JsonNode api = rest.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/incentives/programs",
                "/api/v1/incentives/subsidy-applications", "/api/v1/incentives/credit-referrals",
                "/api/v1/incentives/verifications/{uscc}", "/api/v1/incentives/verifications/batch",
                "/api/v1/incentives/webhook-subscriptions", "/api/v1/incentives/webhook-subscriptions/{id}/deliveries");
        rest.get().uri("/api/v1/incentives/nothing-here").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void queryParametersThatAreNotUtf8AreA400NamingThem(@Value("${local.server.port}") int port) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/api/v1/incentives/verifications/91640100MA76A00010?asOf=%E6%B0"))
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"asOf\"");
    }

    /** Every endpoint of the API, with placeholders for ids. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/programs"}, new String[] {"GET", "/programs"}, new String[] {"GET", "/programs/{id}"},
            new String[] {"PATCH", "/programs/{id}"},
            new String[] {"POST", "/subsidy-applications"}, new String[] {"GET", "/subsidy-applications"},
            new String[] {"GET", "/subsidy-applications/{id}"}, new String[] {"POST", "/subsidy-applications/{id}/approval"},
            new String[] {"POST", "/subsidy-applications/{id}/rejection"},
            new String[] {"POST", "/subsidy-applications/{id}/disbursement"},
            new String[] {"POST", "/subsidy-applications/{id}/withdrawal"},
            new String[] {"POST", "/credit-referrals"}, new String[] {"GET", "/credit-referrals"},
            new String[] {"GET", "/credit-referrals/response-times"}, new String[] {"GET", "/credit-referrals/{id}"},
            new String[] {"POST", "/credit-referrals/{id}/acceptance"}, new String[] {"POST", "/credit-referrals/{id}/decision"},
            new String[] {"POST", "/credit-referrals/{id}/disbursement"}, new String[] {"POST", "/credit-referrals/{id}/withdrawal"},
            new String[] {"GET", "/verifications/91640100MA76A00010"}, new String[] {"POST", "/verifications/batch"},
            new String[] {"POST", "/webhook-subscriptions"}, new String[] {"GET", "/webhook-subscriptions"},
            new String[] {"GET", "/webhook-subscriptions/{id}"}, new String[] {"PATCH", "/webhook-subscriptions/{id}"},
            new String[] {"DELETE", "/webhook-subscriptions/{id}"}, new String[] {"GET", "/webhook-subscriptions/{id}/deliveries"},
            new String[] {"GET", "/webhook-subscriptions/{id}/deliveries/{id}"},
            new String[] {"POST", "/webhook-subscriptions/{id}/deliveries/{id}/replay"},
            new String[] {"POST", "/webhook-subscriptions/{id}/replay?fromSequence=0"});

    RestTestClient.ResponseSpec call(String[] endpoint, String token) {
        var request = rest.method(HttpMethod.valueOf(endpoint[0]))
                .uri("/api/v1/incentives" + endpoint[1].replace("{id}", UUID.randomUUID().toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.contentType(MediaType.APPLICATION_JSON).body("{}").exchange();
    }

    @Test
    void everyEndpointRefusesAMissingOrForeignTokenAndACallerWithoutABusinessRole() {
        for (String[] endpoint : ENDPOINTS) {
            call(endpoint, null).expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
            call(endpoint, Tokens.foreignRealm()).expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
            // another portal service's machine account holds no role of this API
            call(endpoint, Tokens.client("publicity-service")).expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
            call(endpoint, Tokens.user("expert1")).expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theGrpcServerAnswersHealthChecksWithoutAToken() {
        var channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            var health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
            assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        } finally {
            channel.shutdownNow();
        }
    }
}
