package io.greenportal.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Turns the local portal's realm (keycloak/greenportal-realm.json) into the Keycloak Operator's
 * KeycloakRealmImport for Kubernetes, so both come from one file:
 * <ul>
 * <li>keeps the gateway's client and the service clients (those whose service account holds
 * {@code internal-service}); drops dev-only clients (portal-cli) and the demo banks, whose real
 * counterparts an administrator registers per province;</li>
 * <li>keeps no person: every user with a password is demo data; the service-account users of the
 * kept clients stay (they carry the roles);</li>
 * <li>replaces each client secret with an operator placeholder filled from the Secret
 * {@value #CLIENT_SECRETS};</li>
 * <li>makes the gateway's redirect URIs relative to its rootUrl, which overlays set to the public
 * address.</li>
 * </ul>
 * {@link RealmImportTest} regenerates the file and fails when the committed one differs;
 * {@code -Dgreenportal.writeRealmImport=true} rewrites it.
 */
final class RealmImportGenerator {

    static final String CLIENT_SECRETS = "greenportal-keycloak-clients";
    static final String GATEWAY = "greenportal-gateway";
    static final Path SOURCE = Repo.ROOT.resolve("keycloak/greenportal-realm.json");
    static final Path TARGET = Repo.K8S.resolve("base/keycloak/realm-import.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "600" stays a string: unquoted it would read back as the integer 600, which the CRD
            // refuses where the realm has strings (clients[].attributes)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private RealmImportGenerator() {
    }

    static String generate() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(SOURCE.toFile());
        Set<String> serviceClients = new HashSet<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId") && contains(user.path("realmRoles"), "internal-service")) {
                serviceClients.add(user.get("serviceAccountClientId").asText());
            }
        }
        ObjectNode placeholders = JsonNodeFactory.instance.objectNode();
        ArrayNode clients = JSON.createArrayNode();
        Set<String> kept = new HashSet<>();
        for (JsonNode c : realm.path("clients")) {
            String id = c.path("clientId").asText();
            if (!id.equals(GATEWAY) && !serviceClients.contains(id)) {
                continue;
            }
            ObjectNode client = ((ObjectNode) c).deepCopy();
            if (client.has("secret")) {
                String key = shortName(id);
                String placeholder = key.toUpperCase(Locale.ROOT) + "_CLIENT_SECRET";
                client.put("secret", "${" + placeholder + "}");
                placeholders.putObject(placeholder).putObject("secret").put("name", CLIENT_SECRETS).put("key", key);
            }
            if (id.equals(GATEWAY)) {
                gatewayUrls(client);
                clients.insert(0, client); // first, so overlays can patch /spec/realm/clients/0/rootUrl
            } else {
                clients.add(client);
            }
            kept.add(id);
        }
        realm.set("clients", clients);
        ArrayNode users = JSON.createArrayNode();
        for (JsonNode u : realm.path("users")) {
            if (u.has("serviceAccountClientId") && kept.contains(u.get("serviceAccountClientId").asText())
                    && !u.has("credentials")) {
                users.add(u);
            }
        }
        realm.set("users", users);

        ObjectNode doc = JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        doc.put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "greenportal-realm");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "greenportal-kc");
        // no spec.labels: Keycloak Operator 26.0.0's CRD has no such field (it labels the Job
        // object only, not its pods, in later versions); the import pods copy the Keycloak pods'
        // labels (app=keycloak-realm-import, app.kubernetes.io/managed-by=keycloak-operator)
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return "# GENERATED from keycloak/greenportal-realm.json by RealmImportGenerator (k8s module tests).\n"
                + "# Do not edit: change the realm file, then run\n"
                + "#   mvn -pl k8s -am verify -Dgreenportal.writeRealmImport=true\n"
                + YAML.writeValueAsString(doc);
    }

    /** Browser redirects go back to the public address, which each overlay sets as rootUrl. */
    private static void gatewayUrls(ObjectNode client) {
        client.put("rootUrl", "https://portal.greenportal.example");
        client.putArray("redirectUris").add("/login/oauth2/code/keycloak");
        ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris", "/*");
    }

    /** greenportal-gateway -> gateway, certification-service -> certification. */
    static String shortName(String clientId) {
        return clientId.replaceFirst("^greenportal-", "").replaceFirst("-service$", "");
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static void write() throws IOException {
        Files.writeString(TARGET, generate());
    }
}
