package io.greenportal.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.registry.support.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The auditors' offline check (scripts/credentials/VerifyCredential.java, JDK only) with nothing
 * but files fetched once: the JWKS, the two status lists and the credential.
 */
@IntegrationTest
class OfflineVerifierTest {

    static final Path SCRIPT = Path.of("..", "scripts", "credentials", "VerifyCredential.java");

    @Autowired
    RestTestClient rest;

    @TempDir
    Path dir;

    @org.springframework.beans.factory.annotation.Value("${greenportal.credentials.issuer}")
    String issuer;

    String fetch(String uri, String token) {
        var request = rest.get().uri(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    Path save(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    record Run(int exit, String output) {
    }

    Run offline(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the offline verifier ends").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void verifiesWithTheJwksAndListsFetchedOnceAndSeesASuspensionInALaterList() throws Exception {
        String id = rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(TestData.factory(TestData.uscc("640106"), "宁夏离线核验有限公司"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
        Path credential = save("credential.jwt", fetch("/api/v1/registry/credentials/listings/" + id, Tokens.client("bank-a")));
        Path jwks = save("jwks.json", fetch("/.well-known/jwks.json", null));
        Waiting.atMost(Duration.ofSeconds(5), "the lists are published").until(() -> rest.get()
                .uri("/api/v1/registry/credentials/status/suspension").exchange().returnResult(String.class).getStatus().value() == 200);
        Path revocation = save("revocation.jwt", fetch("/api/v1/registry/credentials/status/revocation", null));
        Path suspension = save("suspension.jwt", fetch("/api/v1/registry/credentials/status/suspension", null));

        Run valid = offline("--jwks", jwks.toString(), "--issuer", issuer, "--status-list", revocation.toString(),
                "--status-list", suspension.toString(), credential.toString());
        assertThat(valid.output()).contains("signature: ok", "status revocation: ok", "status suspension: ok", "VALID");
        assertThat(valid.exit()).as(valid.output()).isZero();

        rest.post().uri("/api/v1/registry/listings/" + id + "/status").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("action", "SUSPEND", "reason", "年度复核不合格"))
                .exchange().expectStatus().isOk();
        String before = Files.readString(suspension);
        Waiting.atMost(Duration.ofSeconds(5), "a new suspension list").until(() -> !fetch(
                "/api/v1/registry/credentials/status/suspension", null).equals(before));
        Path later = save("suspension-later.jwt", fetch("/api/v1/registry/credentials/status/suspension", null));
        Run suspended = offline("--jwks", jwks.toString(), "--status-list", revocation.toString(), "--status-list",
                later.toString(), credential.toString());
        assertThat(suspended.exit()).as(suspended.output()).isEqualTo(1);
        assertThat(suspended.output()).contains("status suspension: FAILED", "NOT VALID");

        String[] parts = Files.readString(credential).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("宁夏离线核验有限公司", "宁夏伪造核验有限公司");
        Path forged = save("forged.jwt", parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        Run tampered = offline("--jwks", jwks.toString(), "--allow-unchecked-status", forged.toString());
        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("signature: FAILED");
    }
}
