package io.greenportal.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.incentive.support.IntegrationTest;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

import org.junit.jupiter.api.Test;
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
