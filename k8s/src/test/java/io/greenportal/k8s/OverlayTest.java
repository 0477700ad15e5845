package io.greenportal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders each overlay with kubectl kustomize and holds it to the rules. */
class OverlayTest {

    static final List<String> APPS = List.of("gateway", "registry-service", "certification-service",
            "incentive-service", "publicity-service", "public-site");

    static ManifestRules.Rendered render(String overlay) {
        return ManifestRules.bind(Kustomize.render(Repo.K8S.resolve("overlays/" + overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-shanxi"})
    void coreObjectsAreStrictAndHardened(String overlay) {
        var r = render(overlay);
        assertThat(ManifestRules.check(r)).isEmpty();
        assertThat(r.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(APPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-shanxi"})
    void operatorResourcesUseDocumentedApisAndFields(String overlay) {
        var r = render(overlay);
        List<String> violations = r.custom().stream().flatMap(d -> CrdSchemas.check(d).stream()).toList();
        assertThat(violations).isEmpty();
        Map<String, List<JsonNode>> byKind = new HashMap<>();
        r.custom().forEach(d -> byKind.computeIfAbsent(d.path("kind").asText(), k -> new java.util.ArrayList<>()).add(d));
        assertThat(byKind).containsKeys("Cluster", "Database", "Pooler", "Elasticsearch", "Keycloak", "KeycloakRealmImport",
                "RedisReplication", "RedisSentinel");
        assertThat(byKind.get("Pooler")).allSatisfy(p -> assertThat(p.at("/spec/cluster/name").asText())
                .isEqualTo(byKind.get("Cluster").get(0).at("/metadata/name").asText()));
        // the pieces refer to each other by name
        JsonNode pg = byKind.get("Cluster").get(0);
        String pgName = pg.path("metadata").path("name").asText();
        assertThat(byKind.get("Keycloak").get(0).path("spec").path("db").path("host").asText()).isEqualTo(pgName + "-rw");
        assertThat(byKind.get("Database")).allSatisfy(db -> assertThat(db.path("spec").path("cluster").path("name").asText()).isEqualTo(pgName));
        Set<String> dbs = new TreeSet<>();
        byKind.get("Database").forEach(db -> dbs.add(db.path("spec").path("name").asText()));
        assertThat(dbs).containsExactlyInAnyOrder("registry", "certification", "incentive", "publicity", "keycloak");
        assertThat(byKind.get("KeycloakRealmImport").get(0).path("spec").path("keycloakCRName").asText())
                .isEqualTo(byKind.get("Keycloak").get(0).path("metadata").path("name").asText());
        assertThat(byKind.get("RedisSentinel").get(0).path("spec").path("redisSentinelConfig").path("redisReplicationName").asText())
                .isEqualTo(byKind.get("RedisReplication").get(0).path("metadata").path("name").asText());
        // each service's database setting names a Database that exists
        for (ConfigMap cm : r.all(ConfigMap.class)) {
            cm.getData().forEach((k, val) -> {
                if (k.matches("GP_[A-Z]+_DB")) {
                    assertThat(dbs).contains(val);
                }
            });
        }
    }

    @Test
    void prodIsThreeNodeAndBackedUp() {
        var r = render("prod");
        JsonNode es = kind(r, "Elasticsearch").get(0);
        assertThat(es.path("spec").path("nodeSets").get(0).path("count").asInt()).isEqualTo(3);
        JsonNode pg = kind(r, "Cluster").get(0);
        assertThat(pg.path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(3);
        String store = pg.path("spec").path("plugins").get(0).path("parameters").path("barmanObjectName").asText();
        assertThat(kind(r, "ObjectStore")).extracting(o -> o.path("metadata").path("name").asText()).contains(store);
        assertThat(kind(r, "ScheduledBackup")).allSatisfy(b -> assertThat(b.path("spec").path("cluster").path("name").asText())
                .isEqualTo(pg.path("metadata").path("name").asText()));
    }

    @Test
    void prodScalesAndSurvivesDisruptions() {
        var r = render("prod");
        Set<String> scaled = new HashSet<>();
        for (HorizontalPodAutoscaler h : r.all(HorizontalPodAutoscaler.class)) {
            assertThat(h.getSpec().getMetrics()).anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
            assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            scaled.add(h.getSpec().getScaleTargetRef().getName());
        }
        assertThat(scaled).containsExactlyInAnyOrderElementsOf(APPS);
        assertThat(r.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas())
                .as("%s: the HPA owns replicas", d.getMetadata().getName()).isNull());
        Set<String> budgets = new HashSet<>();
        for (PodDisruptionBudget p : r.all(PodDisruptionBudget.class)) {
            budgets.add(p.getSpec().getSelector().getMatchLabels().getOrDefault("app.kubernetes.io/name", ""));
        }
        assertThat(budgets).containsAll(APPS);
    }

    @Test
    void prodExposesOnlyTheGatewayOverTls() {
        var r = render("prod");
        List<Ingress> ingresses = r.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        Ingress in = ingresses.get(0);
        String host = in.getSpec().getRules().get(0).getHost();
        assertThat(in.getSpec().getTls()).singleElement().satisfies(t -> {
            assertThat(t.getHosts()).containsExactly(host);
            assertThat(t.getSecretName()).isNotBlank();
        });
        in.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(p -> {
            String svc = p.getBackend().getService().getName();
            if (!svc.equals("gateway")) {
                // Keycloak only for what a browser or bank needs: login pages and tokens
                assertThat(svc).isEqualTo("greenportal-kc-service");
                assertThat(p.getPath()).isIn("/auth/realms/greenportal/", "/auth/resources/");
            }
        }));
        // the public host is written in five places; they must agree
        var common = r.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().startsWith("greenportal-common"))
                .findFirst().orElseThrow().getData();
        assertThat(common.get("GP_ISSUER_URI")).isEqualTo("https://" + host + "/auth/realms/greenportal");
        // the gateway's absolute URLs (login redirect, X-Forwarded-Host) come from it, never from a Host header
        assertThat(common.get("GP_PUBLIC_BASE_URL")).isEqualTo("https://" + host);
        assertThat(kind(r, "Keycloak").get(0).path("spec").path("hostname").path("hostname").asText())
                .isEqualTo("https://" + host + "/auth");
        JsonNode gatewayClient = kind(r, "KeycloakRealmImport").get(0).path("spec").path("realm").path("clients").get(0);
        assertThat(gatewayClient.path("clientId").asText()).isEqualTo("greenportal-gateway");
        assertThat(gatewayClient.path("rootUrl").asText()).isEqualTo("https://" + host);
    }

    @Test
    void prodInlinesNoSecretAndDocumentsEveryReference() {
        var r = render("prod");
        assertThat(r.all(Secret.class)).extracting(s -> s.getMetadata().getName())
                .as("only the ES role definition (no credential) may be rendered").containsOnly("greenportal-es-roles");
        Set<String> referenced = new TreeSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            var pod = d.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(c -> c.getEnv().stream().filter(e -> e.getValueFrom() != null
                    && e.getValueFrom().getSecretKeyRef() != null).forEach(e -> referenced.add(e.getValueFrom().getSecretKeyRef().getName())));
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> referenced.add(v.getSecret().getSecretName()));
        }
        for (JsonNode original : r.custom()) {
            JsonNode doc = original.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("spec")).remove("realm"); // client "secret"s are placeholders
            referenced.addAll(doc.findValuesAsText("secretName"));
            for (String field : List.of("secret", "passwordSecret", "usernameSecret", "redisSecret", "accessKeyId",
                    "secretAccessKey", "secretKeyRef")) {
                doc.findValues(field).forEach(n -> referenced.add(n.isTextual() ? n.asText() : n.path("name").asText()));
            }
        }
        referenced.remove("");
        referenced.add("greenportal-tls");
        String readme = Repo.read(Repo.K8S.resolve("README.md"));
        assertThat(referenced).allSatisfy(name -> assertThat(readme).as("k8s/README.md names Secret %s", name).contains(name));
    }

    @Test
    void prodDeniesByDefault() {
        var r = render("prod");
        assertThat(r.all(NetworkPolicy.class)).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
    }

    @Test
    void devGeneratesOnlyObviouslyDevSecrets() {
        var r = render("dev");
        assertThat(r.all(Secret.class)).allSatisfy(s -> {
            if (!s.getMetadata().getName().equals("greenportal-es-roles")) {
                s.getData().forEach((k, val) -> {
                    // kubectl wraps long values over lines: the MIME decoder skips the line breaks
                    String plain = new String(java.util.Base64.getMimeDecoder().decode(val));
                    if (k.equals("password") || k.matches("gateway|certification|incentive|publicity")) {
                        assertThat(plain).startsWith("dev-only-");
                    }
                });
            }
        });
        assertThat(r.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
    }

    static List<JsonNode> kind(ManifestRules.Rendered r, String kind) {
        return r.custom().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }
}
