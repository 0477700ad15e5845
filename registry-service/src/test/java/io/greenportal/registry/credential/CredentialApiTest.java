package io.greenportal.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.registry.support.TestData;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credentials issued by the registry (Nimbus) checked with an independent JOSE implementation
 * (jose4j) and the service's own verification: signature, tampering, the revocation bit in the
 * published list, key rotation.
 */
@IntegrationTest
class CredentialApiTest {

    static final String ENT_A = "91640100MA76A00010";

    @Autowired
    RestTestClient rest;

    @Autowired
    JsonMapper json;

    @Value("${greenportal.credentials.keys-file}")
    String keysFile;

    String registerFor(String uscc, String name) {
        return rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(TestData.factory(uscc, name)).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    RestTestClient.ResponseSpec get(String token, String uri) {
        var request = rest.get().uri(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    String credential(String token, String listingId) {
        return get(token, "/api/v1/registry/credentials/listings/" + listingId).expectStatus().isOk()
                .expectHeader().contentType("application/vc+jwt").expectBody(String.class).returnResult().getResponseBody();
    }

    JsonNode verify(String credential) {
        return rest.post().uri("/api/v1/registry/credentials/verification").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("credential", credential)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    String jwks() {
        return get(null, "/.well-known/jwks.json").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    /** jose4j: the signature checked with the key the JWKS names by kid; the payload when it holds. */
    static JsonWebSignature jose4j(String compact, String jwks) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(compact);
        JsonWebKey key = new JsonWebKeySet(jwks).findJsonWebKey(jws.getKeyIdHeaderValue(), "EC", null, null);
        assertThat(key).as("key %s in the JWKS", jws.getKeyIdHeaderValue()).isNotNull();
        jws.setKey(key.getKey());
        return jws;
    }

    JsonNode payload(String compact) {
        return json.readTree(new String(Base64.getUrlDecoder().decode(compact.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** Reads a bit of a published status list: its signature checked by jose4j, the list decoded here. */
    boolean bitInPublishedList(String purpose, int index) throws Exception {
        String list = get(null, "/api/v1/registry/credentials/status/" + purpose).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonWebSignature jws = jose4j(list, jwks());
        assertThat(jws.verifySignature()).isTrue();
        JsonNode subject = json.readTree(jws.getPayload()).get("credentialSubject");
        assertThat(subject.get("statusPurpose").asString()).isEqualTo(purpose);
        byte[] bits = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                Base64.getUrlDecoder().decode(subject.get("encodedList").asString().substring(1)))).readAllBytes();
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    @Test
    void anIssuedCredentialVerifiesWithJose4jAndFailsOnceTampered() throws Exception {
        String id = registerFor(TestData.uscc("640106"), "宁夏凭证测试材料有限公司");
        String credential = credential(Tokens.client("bank-a"), id);

        JsonWebSignature jws = jose4j(credential, jwks());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getHeader("typ")).isEqualTo("vc+jwt");
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("ES256");
        JsonNode vc = json.readTree(jws.getPayload());
        assertThat(vc.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(vc.get("type").toString()).contains("VerifiableCredential");
        assertThat(vc.get("credentialSubject").get("name").asString()).isEqualTo("宁夏凭证测试材料有限公司");
        assertThat(vc.get("credentialSubject").get("level").asString()).isEqualTo("PROVINCIAL");
        assertThat(vc.get("credentialSubject").get("registryNumber").asString()).startsWith("GF-640000-2024-");
        assertThat(vc.get("credentialSubject").get("certificateNumber"))
                .as("entered without a number: the registry's number is not claimed as a certificate").isNull();
        assertThat(vc.get("credentialSubject").get("year").asInt()).isEqualTo(2024);
        assertThat(vc.get("credentialSubject").get("grantedOn")).as("entered without a date: none is made up").isNull();
        assertThat(vc.get("validUntil")).isNotNull();
        assertThat(vc.get("credentialStatus")).hasSize(2);
        assertThat(verify(credential).get("valid").asBoolean()).isTrue();

        // a national level instead of a provincial one, the signature left as it was
        String[] parts = credential.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"PROVINCIAL\"", "\"NATIONAL\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(jose4j(tampered, jwks()).verifySignature()).isFalse();
        JsonNode answer = verify(tampered);
        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(answer.get("reasons").get(0).asString()).startsWith("signature:");
        assertThat(answer.has("credential")).as("what a forged credential claims is not repeated").isFalse();
    }

    @Test
    void aBodyThatIsNotStrictUtf8IsRefusedBeforeAnythingReadsIt() {
        // C0 AE: "." written in two bytes, which a lenient decoder reads as "." (web-edge Utf8JsonBodies)
        byte[] start = "{\"credential\":\"a".getBytes(StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(start, start.length + 4);
        body[start.length] = (byte) 0xC0;
        body[start.length + 1] = (byte) 0xAE;
        body[start.length + 2] = '"';
        body[start.length + 3] = '}';
        rest.post().uri("/api/v1/registry/credentials/verification").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("body");
        rest.post().uri("/api/v1/registry/credentials/verification")
                .contentType(MediaType.parseMediaType("application/json;charset=utf-16"))
                .body("{\"credential\":\"x\"}".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isEqualTo(415);
    }

    /** P-256's group order. */
    static final java.math.BigInteger N = new java.math.BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @Test
    void aCredentialHasOneSpellingOnly() throws Exception {
        String id = registerFor(TestData.uscc("640106"), "宁夏凭证拼写测试有限公司");
        // the registry issues the low-S form every time (a signer that did not would give high-S about half the time)
        String credential = null;
        for (int i = 0; i < 8; i++) {
            credential = credential(Tokens.client("bank-a"), id);
            byte[] signature = Base64.getUrlDecoder().decode(credential.split("\\.")[2]);
            assertThat(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64)))
                    .isLessThanOrEqualTo(N.shiftRight(1));
        }
        // (r, n − s) is a valid ECDSA signature of the same content, a second string for one credential
        String[] parts = credential.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        byte[] highS = N.subtract(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64))).toByteArray();
        byte[] respelled = signature.clone();
        System.arraycopy(highS, highS.length - 32, respelled, 32, 32);
        String other = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(respelled);
        assertThat(jose4j(other, jwks()).verifySignature()).as("mathematically valid").isTrue();
        JsonNode answer = verify(other);
        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(answer.get("reasons").get(0).asString()).startsWith("signature:").contains("canonical");
        assertThat(verify(credential).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aRevocationReachesThePublishedListWithinSecondsAndTheOldVersionIsKept() throws Exception {
        String id = registerFor(TestData.uscc("640106"), "宁夏撤销测试化工有限公司");
        String credential = credential(Tokens.user("admin"), id);
        JsonNode revocation = payload(credential).get("credentialStatus").get(1);
        assertThat(revocation.get("statusPurpose").asString()).isEqualTo("revocation");
        int index = Integer.parseInt(revocation.get("statusListIndex").asString());
        Waiting.atMost(Duration.ofSeconds(5), "the list is published").until(() -> get(null,
                "/api/v1/registry/credentials/status/revocation").returnResult(String.class).getStatus().value() == 200);
        assertThat(bitInPublishedList("revocation", index)).isFalse();
        String before = get(null, "/api/v1/registry/credentials/status/revocation").returnResult(String.class)
                .getResponseHeaders().getFirst("X-Status-List-Version");

        rest.post().uri("/api/v1/registry/listings/" + id + "/status").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("action", "REVOKE", "reason", "申报材料弄虚作假"))
                .exchange().expectStatus().isOk();
        Waiting.atMost(Duration.ofSeconds(30), "the revocation bit is set").until(() -> bitInPublishedList("revocation", index));
        assertThat(bitInPublishedList("suspension", index)).isFalse();

        JsonNode answer = verify(credential);
        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(answer.get("reasons").toString()).contains("status: revoked");
        // the version a bank fetched before the revocation is still there, unchanged, and verifies
        String old = get(null, "/api/v1/registry/credentials/status/revocation/versions/" + before).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonWebSignature oldJws = jose4j(old, jwks());
        assertThat(oldJws.verifySignature()).isTrue();
        assertThat(json.readTree(oldJws.getPayload()).get("version").asInt()).isEqualTo(Integer.parseInt(before));
    }

    @Test
    void theListAnswersNotModifiedToItsETag() {
        registerFor(TestData.uscc("640106"), "宁夏缓存测试有限公司");
        Waiting.atMost(Duration.ofSeconds(5), "the list is published").until(() -> get(null,
                "/api/v1/registry/credentials/status/suspension").returnResult(String.class).getStatus().value() == 200);
        String etag = get(null, "/api/v1/registry/credentials/status/suspension").returnResult(String.class)
                .getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"suspension-");
        rest.get().uri("/api/v1/registry/credentials/status/suspension").header("If-None-Match", etag).exchange()
                .expectStatus().isNotModified();
        get(null, "/api/v1/registry/credentials/status/expired").expectStatus().isNotFound();
        get(null, "/api/v1/registry/credentials/status/suspension/versions/999999").expectStatus().isNotFound();
    }

    @Test
    void anOldCredentialStillVerifiesAfterTheKeyIsRotated() throws Exception {
        String id = registerFor(TestData.uscc("640106"), "宁夏轮换测试有限公司");
        String old = credential(Tokens.client("bank-a"), id);
        String oldKid = jose4j(old, jwks()).getKeyIdHeaderValue();

        Path file = Path.of(keysFile);
        JWKSet current = JWKSet.parse(Files.readString(file));
        ECKey next = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true).generate();
        // the new key first; the old ones kept with their public part only (their private part destroyed)
        var keys = new java.util.ArrayList<com.nimbusds.jose.jwk.JWK>(List.of(next));
        keys.addAll(current.toPublicJWKSet().getKeys());
        Files.writeString(file, new JWKSet(keys).toString(false));

        String fresh = credential(Tokens.client("bank-a"), id);
        String jwks = jwks();
        assertThat(jose4j(fresh, jwks).getKeyIdHeaderValue()).isEqualTo(next.getKeyID()).isNotEqualTo(oldKid);
        assertThat(jose4j(fresh, jwks).verifySignature()).isTrue();
        assertThat(jose4j(old, jwks).verifySignature()).isTrue();
        assertThat(verify(old).get("valid").asBoolean()).isTrue();
        assertThat(verify(fresh).get("valid").asBoolean()).isTrue();
        assertThat(jwks).doesNotContain("\"d\"");
    }

    @Test
    void anEnterpriseGetsItsOwnCredentialsOnlyAndReviewersNone() {
        String own = registerFor(ENT_A, "宁夏绿源新材料有限公司");
        String other = registerFor(TestData.uscc("640106"), "宁夏别家测试有限公司");
        assertThat(payload(credential(Tokens.user("ent-a"), own)).get("credentialSubject").get("creditCode").asString())
                .isEqualTo(ENT_A);
        get(Tokens.user("ent-a"), "/api/v1/registry/credentials/listings/" + other).expectStatus().isNotFound();
        get(Tokens.user("rev-prov"), "/api/v1/registry/credentials/listings/" + own).expectStatus().isForbidden();
        get(null, "/api/v1/registry/credentials/listings/" + own).expectStatus().isUnauthorized();
        get(Tokens.client("bank-b"), "/api/v1/registry/credentials/listings/" + java.util.UUID.randomUUID())
                .expectStatus().isNotFound();
    }

    @Test
    void aCredentialAsOfAPastDayStatesThatDayAndDoesNotExpire() {
        String id = registerFor(TestData.uscc("640106"), "宁夏历史测试有限公司");
        String asOf = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        String credential = get(Tokens.client("bank-a"), "/api/v1/registry/credentials/listings/" + id + "?asOf=" + asOf)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode vc = payload(credential);
        assertThat(vc.get("credentialSubject").get("asOf").asString()).isEqualTo(asOf);
        assertThat(vc.get("credentialSubject").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(vc.get("validUntil")).isNull();
        assertThat(vc.get("credentialStatus")).isNull();
        assertThat(verify(credential).get("valid").asBoolean()).isTrue();

        get(Tokens.client("bank-a"), "/api/v1/registry/credentials/listings/" + id + "?asOf=2019-01-01")
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo("https://greenportal.io/problems/not-listed-on-date");
        get(Tokens.client("bank-a"), "/api/v1/registry/credentials/listings/" + id + "?asOf=2999-01-01")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("asOf");
    }

    @Test
    void verificationSaysWhyAndRefusesAMissingCredential() {
        JsonNode garbage = verify("not-a-credential");
        assertThat(garbage.get("valid").asBoolean()).isFalse();
        assertThat(garbage.get("reasons").get(0).asString()).startsWith("format:");
        // a well-formed JWS whose payload is no JSON object: a sentence, not the parser's message with Java types
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"kid\":\"k\",\"typ\":\"vc+jwt\",\"alg\":\"ES256\"}".getBytes());
        for (String payload : List.of("[1,2]", "123", "\"x\"", "abc", "null")) {
            JsonNode answer = verify(header + "." + b64.encodeToString(payload.getBytes()) + ".c2ln");
            assertThat(answer.get("valid").asBoolean()).isFalse();
            assertThat(answer.get("reasons").get(0).asString()).as(payload).isEqualTo("format: the payload is not a JSON object");
        }
        assertThat(verify("eyJhbGciOiJFUzI1NiIsImp3ayI6eyJrdHkiOiJFQyJ9fQ.e30.c2ln").toString()).doesNotContain("java.", "JWK");

        rest.post().uri("/api/v1/registry/credentials/verification").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of()).exchange().expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("credential");
        rest.post().uri("/api/v1/registry/credentials/verification").contentType(MediaType.APPLICATION_JSON)
                .body("{\"credential\": 12").exchange().expectStatus().isBadRequest();
    }
}
