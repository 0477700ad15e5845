package io.greenportal.registry.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.registry.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class EnterpriseApiTest {

    @Autowired
    RestTestClient rest;

    @Value("${local.grpc.port}")
    int grpcPort;

    JsonNode get(String token, String path) {
        return rest.get().uri(java.net.URI.create(path)).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aCreditCodeInLowerCaseOrWithSpacesIsTheSameEnterprise() {
        String uscc = TestData.uscc("640106");
        rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(TestData.factory(uscc, "宁夏大小写有限公司")).exchange()
                .expectStatus().isCreated();
        String lower = uscc.toLowerCase(Locale.ROOT);

        for (String path : java.util.List.of(lower, "%20" + lower + "%20", "%20" + uscc)) {
            JsonNode answer = get(Tokens.user("admin"), "/api/v1/registry/enterprises/" + path);
            assertThat(answer.get("enterprise").get("uscc").asString()).as(path).isEqualTo(uscc);
            assertThat(answer.get("listings").size()).as(path).isEqualTo(1);
        }
        assertThat(get(Tokens.user("admin"), "/api/v1/registry/enterprises/" + lower + "?asOf=2025-01-01")
                .get("enterprise").get("uscc").asString()).isEqualTo(uscc);
        for (String day : java.util.List.of("1999-12-31", "0001-01-01", "-999999999-01-01")) {
            rest.get().uri("/api/v1/registry/enterprises/" + lower + "?asOf=" + day)
                    .header("Authorization", "Bearer " + Tokens.user("admin")).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.field").isEqualTo("asOf");
        }
        // the enterprise itself, in lower case
        rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(TestData.factory("91640100MA76A00010", "宁夏绿源新材料有限公司"))
                .exchange().expectStatus().isCreated();
        assertThat(get(Tokens.user("ent-a"), "/api/v1/registry/enterprises/91640100ma76a00010").get("enterprise"))
                .isNotNull();

        JsonNode renamed = rest.patch().uri("/api/v1/registry/enterprises/" + lower)
                .header("Authorization", "Bearer " + Tokens.user("admin")).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "宁夏大小写新名有限公司")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(renamed.get("enterprise").get("name").asString()).isEqualTo("宁夏大小写新名有限公司");

        var channel = Grpc.channel(grpcPort);
        try {
            var registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("incentive-service"));
            var found = registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(" " + lower + " ").build());
            assertThat(found.getFound()).isTrue();
            assertThat(found.getUscc()).isEqualTo(uscc);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aCodeThatIsStillWrongAfterNormalizingIsRefusedNamingIt() {
        JsonNode problem = rest.get().uri("/api/v1/registry/enterprises/91640100ma76a0001x")
                .header("Authorization", "Bearer " + Tokens.user("admin")).exchange()
                .expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("field").asString()).isEqualTo("uscc");
    }
}
