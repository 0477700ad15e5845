package io.greenportal.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import io.greenportal.gateway.support.PortalClient;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The foundation through the running gateway: a Keycloak token for ent-a reaches every service, the
 * same calls without a token are 401, a token without the role is 403, and a service reaches
 * another over gRPC (bank verification is answered by the registry).
 */
class FoundationEndToEndTest {

    static final String ENT_A = "91640100MA76A00010";
    final PortalClient portal = new PortalClient();

    int status(String caller, String method, String path) {
        return portal.send(caller, method, path, method.equals("GET") ? null : "{}").statusCode();
    }

    @Test
    void entAReachesEveryServiceWithItsToken() {
        assertThat(status("ent-a", "GET", "/api/v1/registry/listings")).isEqualTo(200);
        assertThat(status("ent-a", "GET", "/api/v1/certification/applications")).isEqualTo(200);
        assertThat(status("ent-a", "GET", "/api/v1/incentives/credit-referrals")).isEqualTo(200);
        assertThat(status("ent-a", "GET", "/api/v1/public/listings")).isEqualTo(200);
    }

    @Test
    void withoutATokenProtectedEndpointsAre401() {
        assertThat(status("anonymous", "GET", "/api/v1/registry/listings")).isEqualTo(401);
        assertThat(status("anonymous", "GET", "/api/v1/certification/applications")).isEqualTo(401);
        assertThat(status("anonymous", "GET", "/api/v1/incentives/credit-referrals")).isEqualTo(401);
        assertThat(status("anonymous", "GET", "/api/v1/public/admin/reindex")).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheRoleIs403() {
        assertThat(status("ent-a", "POST", "/api/v1/registry/listings")).isEqualTo(403);
        assertThat(status("ent-a", "POST", "/api/v1/certification/batches")).isEqualTo(403);
        assertThat(status("ent-a", "POST", "/api/v1/incentives/programs")).isEqualTo(403);
        assertThat(status("ent-a", "GET", "/api/v1/public/admin/reindex")).isEqualTo(403);
    }

    /** The gateway's request id reaches the incentive service and, over gRPC, the registry's log. */
    @Test
    void theRequestIdTravelsToTheServicesAndOverGrpc() throws Exception {
        String requestId = "e2e-" + java.util.UUID.randomUUID();
        var response = portal.sendWithHeaders("bank-a", "GET", "/api/v1/incentives/verifications/" + ENT_A,
                java.util.Map.of("X-Request-Id", requestId));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        java.nio.file.Path registryLog = java.nio.file.Path.of(System.getenv().getOrDefault("GP_LOGS",
                System.getProperty("user.dir") + "/../.portal/logs"), "registry.log");
        String lines = Waiting.atMost(java.time.Duration.ofSeconds(30), "the registry logs the call")
                .until(() -> java.nio.file.Files.readString(registryLog), log -> log.contains(requestId));
        assertThat(lines).as("the registry's log names the request id of the call it served")
                .contains("[" + requestId + "]");
    }

    @Test
    void oneServiceReachesAnotherOverGrpc() {
        JsonNode registry = portal.getJson("admin", "/api/v1/registry/enterprises/" + ENT_A);
        JsonNode verification = portal.getJson("bank-a", "/api/v1/incentives/verifications/" + ENT_A);

        Set<String> fromRegistry = new HashSet<>();
        registry.get("listings").forEach(l -> fromRegistry.add(l.get("certificateNumber").asString()
                + (l.get("certificateNumberAssigned").asBoolean() ? " (the registry's)" : "")));
        Set<String> fromVerification = new HashSet<>();
        verification.get("listings").forEach(l -> fromVerification.add(l.get("certificateNumber").asString()
                + (l.get("certificateNumberAssigned").asBoolean() ? " (the registry's)" : "")));
        assertThat(fromVerification).isNotEmpty().isEqualTo(fromRegistry);
        assertThat(verification.get("found").asBoolean()).isTrue();
    }

    @Test
    void aRefusedCallPointsToMetadataThatNamesWhereTokensComeFrom() throws Exception {
        var refused = portal.send("anonymous", "GET", "/api/v1/registry/listings", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        var pointer = java.util.regex.Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(challenge);
        assertThat(pointer.find()).as("WWW-Authenticate: %s", challenge).isTrue();
        java.net.URI metadataUrl = java.net.URI.create(pointer.group(1));
        assertThat(metadataUrl.getPath()).isEqualTo("/.well-known/oauth-protected-resource");

        // the gateway answers it at its own address (the URL names the portal's public origin)
        JsonNode metadata = portal.getJson("anonymous", metadataUrl.getPath());
        assertThat(metadata.path("resource").asString()).isEqualTo(metadataUrl.getScheme() + "://" + metadataUrl.getAuthority());
        assertThat(metadata.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
        String realm = metadata.path("authorization_servers").path(0).asString();
        assertThat(realm).endsWith("/realms/greenportal");
        // and the realm it names issues the tokens: its discovery document has the token endpoint
        JsonNode discovery = portal.json(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(realm + "/.well-known/openid-configuration")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        assertThat(discovery.path("token_endpoint").asString()).startsWith(realm);
    }
}
