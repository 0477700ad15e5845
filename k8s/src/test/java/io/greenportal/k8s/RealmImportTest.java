package io.greenportal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed KeycloakRealmImport is exactly what the generator makes from the local realm. */
class RealmImportTest {

    @BeforeAll
    static void writeWhenAsked() throws Exception {
        if (Boolean.getBoolean("greenportal.writeRealmImport")) {
            RealmImportGenerator.write();
        }
    }

    @Test
    void committedFileMatchesTheGenerator() throws Exception {
        assertThat(Repo.read(RealmImportGenerator.TARGET))
                .as("k8s/base/keycloak/realm-import.yaml is stale: run mvn -pl k8s -am verify -Dgreenportal.writeRealmImport=true")
                .isEqualTo(RealmImportGenerator.generate());
    }

    @Test
    void noDevClientNoPersonNoInlineSecret() throws Exception {
        JsonNode realm = Kustomize.parse(RealmImportGenerator.generate()).get(0).path("spec").path("realm");
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertThat(clients).containsExactly("greenportal-gateway", "certification-service", "incentive-service",
                "publicity-service");
        realm.path("clients").forEach(c -> {
            assertThat(c.path("attributes").path("greenportal.dev-only").asText()).isNotEqualTo("true");
            if (c.has("secret")) {
                assertThat(c.get("secret").asText()).matches("\\$\\{[A-Z]+_CLIENT_SECRET}");
            }
            assertThat(c.path("redirectUris").toString()).doesNotContain("127.0.0.1", "localhost");
        });
        realm.path("users").forEach(u -> {
            assertThat(u.has("credentials")).as("user %s has a password", u.path("username")).isFalse();
            assertThat(u.has("serviceAccountClientId")).as("person %s imported", u.path("username")).isTrue();
        });
        assertThat(realm.toString()).doesNotContain("dev-secret", "greenportal-dev", "portal-cli");
    }

    /** What the generator keeps reads back exactly as the realm file has it: strings stay strings. */
    @Test
    void keptValuesReadBackWithTheirTypes() throws Exception {
        JsonNode source = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RealmImportGenerator.SOURCE.toFile());
        JsonNode realm = Kustomize.parse(RealmImportGenerator.generate()).get(0).path("spec").path("realm");
        for (JsonNode client : realm.path("clients")) {
            JsonNode original = null;
            for (JsonNode c : source.path("clients")) {
                if (c.path("clientId").equals(client.path("clientId"))) {
                    original = c;
                }
            }
            assertThat(original).as("client %s", client.path("clientId")).isNotNull();
            for (var e : original.path("attributes").properties()) {
                if (!e.getKey().equals("post.logout.redirect.uris")) {
                    assertThat(client.path("attributes").get(e.getKey())).as("%s attribute %s", client.path("clientId"), e.getKey())
                            .isEqualTo(e.getValue());
                }
            }
        }
        assertThat(realm.path("accessTokenLifespan")).isEqualTo(source.path("accessTokenLifespan"));
        assertThat(realm.path("roles")).isEqualTo(source.path("roles"));
    }

    @Test
    void everyPlaceholderIsFilledFromTheClientSecret() throws Exception {
        JsonNode spec = Kustomize.parse(RealmImportGenerator.generate()).get(0).path("spec");
        String realm = spec.path("realm").toString();
        spec.path("placeholders").fieldNames().forEachRemaining(name -> {
            assertThat(realm).contains("${" + name + "}");
            assertThat(spec.path("placeholders").path(name).path("secret").path("name").asText())
                    .isEqualTo(RealmImportGenerator.CLIENT_SECRETS);
        });
        assertThat(spec.path("placeholders").size()).isEqualTo(4);
    }
}
