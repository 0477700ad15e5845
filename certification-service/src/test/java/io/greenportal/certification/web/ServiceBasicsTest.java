package io.greenportal.certification.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Probes and API documents are public; everything else needs a token. */
@IntegrationTest
class ServiceBasicsTest {

    @Autowired
    RestTestClient rest;

    @Value("${local.grpc.port}")
    int grpcPort;

    @Test
    void probesAndTheOpenApiDocumentAreOpen() {
        rest.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        rest.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        String api = rest.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(api).contains("/api/v1/certification/applications/{applicationId}/objections")
                .contains("/api/v1/certification/annual-reports");
        rest.get().uri("/api/v1/certification/nothing-here").header("Authorization", "Bearer x").exchange()
                .expectStatus().isUnauthorized();
        rest.get().uri("/api/v1/certification/applications").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void theGrpcHealthServiceAnswersForTheNoticeFeedWithoutAToken() {
        var channel = Grpc.channel(grpcPort);
        try {
            var health = HealthGrpc.newBlockingStub(channel);
            assertThat(health.check(HealthCheckRequest.newBuilder()
                    .setService("greenportal.certification.v1.NoticeFeedService").build()).getStatus())
                    .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        } finally {
            channel.shutdownNow();
        }
    }
}
