package io.greenportal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checkers can fail: deliberately broken copies of the rendered dev overlay are caught. */
class NegativeTest {

    static List<JsonNode> good;

    @BeforeAll
    static void render() {
        good = Kustomize.render(Repo.K8S.resolve("overlays/dev"));
        assertThat(ManifestRules.check(ManifestRules.bind(good))).isEmpty();
    }

    /** Violations after changing the first document of the kind (and name prefix) given. */
    static List<String> breakIt(String kind, String name, Consumer<ObjectNode> change) {
        List<JsonNode> docs = new ArrayList<>();
        boolean done = false;
        for (JsonNode d : good) {
            JsonNode copy = d.deepCopy();
            if (!done && copy.path("kind").asText().equals(kind) && copy.path("metadata").path("name").asText().startsWith(name)) {
                change.accept((ObjectNode) copy);
                done = true;
            }
            docs.add(copy);
        }
        assertThat(done).as("found %s %s", kind, name).isTrue();
        var rendered = ManifestRules.bind(docs);
        List<String> v = new ArrayList<>(ManifestRules.check(rendered));
        rendered.custom().forEach(c -> v.addAll(CrdSchemas.check(c)));
        return v;
    }

    static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    @Test
    void unknownFieldInACoreObject() {
        assertThat(breakIt("Deployment", "registry", d -> container(d).put("imagePullPolicyy", "Always")))
                .anySatisfy(v -> assertThat(v).contains("registry-service").contains("imagePullPolicyy"));
        assertThat(breakIt("Service", "gateway", s -> ((ObjectNode) s.get("spec")).put("sessionAfinity", "None")))
                .anySatisfy(v -> assertThat(v).contains("sessionAfinity"));
    }

    @Test
    void missingProbe() {
        assertThat(breakIt("Deployment", "publicity", d -> container(d).remove("readinessProbe")))
                .contains("Deployment publicity-service container app: missing readinessProbe");
        assertThat(breakIt("Deployment", "registry", d -> container(d).remove("startupProbe")))
                .contains("Deployment registry-service container app: missing startupProbe");
    }

    @Test
    void probeOnAnUndeclaredPort() {
        assertThat(breakIt("Deployment", "incentive", d -> ((ObjectNode) container(d).at("/livenessProbe/httpGet")).put("port", "admin")))
                .anySatisfy(v -> assertThat(v).contains("livenessProbe probes port"));
    }

    @Test
    void missingLimits() {
        assertThat(breakIt("Deployment", "gateway", d -> ((ObjectNode) container(d).get("resources")).remove("limits")))
                .contains("Deployment gateway container app: missing resources.limits.memory");
    }

    @Test
    void rootContainer() {
        assertThat(breakIt("Deployment", "certification", d -> {
            ((ObjectNode) d.at("/spec/template/spec/securityContext")).put("runAsNonRoot", false).put("runAsUser", 0);
            ((ObjectNode) container(d).get("securityContext")).put("runAsUser", 0).put("readOnlyRootFilesystem", false);
        })).contains("Deployment certification-service: pod securityContext.runAsNonRoot must be true",
                "Deployment certification-service: runs as uid 0",
                "Deployment certification-service container app: runs as root",
                "Deployment certification-service container app: readOnlyRootFilesystem must be true");
        assertThat(breakIt("Deployment", "gateway", d -> ((ArrayNode) container(d).at("/securityContext/capabilities/drop")).removeAll()))
                .contains("Deployment gateway container app: must drop ALL capabilities");
    }

    @Test
    void serviceWhosePortsDoNotMatchTheContainer() {
        assertThat(breakIt("Service", "registry", s -> ((ObjectNode) s.at("/spec/ports/1")).put("targetPort", "grpc-web")))
                .anySatisfy(v -> assertThat(v).contains("targetPort grpc-web matches no container port"));
        assertThat(breakIt("Service", "publicity", s -> ((ObjectNode) s.at("/spec/ports/1")).remove("name")))
                .anySatisfy(v -> assertThat(v).contains("has no name"));
        assertThat(breakIt("Service", "certification", s -> ((ArrayNode) s.at("/spec/ports")).remove(1)))
                .anySatisfy(v -> assertThat(v).contains("container port grpc of certification-service is not exposed"));
    }

    @Test
    void inlinedSecretAndShortGracePeriod() {
        assertThat(breakIt("Deployment", "registry", d -> ((ArrayNode) container(d).get("env")).addObject()
                .put("name", "GP_PG_PASSWORD").put("value", "hunter2")))
                .contains("Deployment registry-service container app: GP_PG_PASSWORD is inlined; reference a Secret");
        assertThat(breakIt("Deployment", "gateway", d -> ((ObjectNode) d.at("/spec/template/spec")).put("terminationGracePeriodSeconds", 15)))
                .anySatisfy(v -> assertThat(v).contains("terminationGracePeriodSeconds 15"));
    }

    @Test
    void operatorResourcesAgainstTheirCrds() {
        assertThat(breakIt("Keycloak", "greenportal-kc", k -> ((ObjectNode) k.at("/spec/hostname")).put("hostnme", "x")))
                .anySatisfy(v -> assertThat(v).startsWith("Keycloak greenportal-kc: spec.hostname.hostnme: unknown field"));
        // a field of a later Keycloak Operator than the vendored 26.0.0
        assertThat(breakIt("Keycloak", "greenportal-kc", k -> ((ObjectNode) k.get("spec")).putObject("networkPolicy").put("enabled", false)))
                .anySatisfy(v -> assertThat(v).startsWith("Keycloak greenportal-kc: spec.networkPolicy: unknown field"));
        assertThat(breakIt("Elasticsearch", "greenportal", e -> e.put("apiVersion", "elasticsearch.k8s.elastic.co/v1beta1")))
                .anySatisfy(v -> assertThat(v).contains("served for compatibility only; the operator stores elasticsearch.k8s.elastic.co/v1"));
        assertThat(breakIt("Elasticsearch", "greenportal", e -> ((ObjectNode) e.at("/spec/nodeSets/0/podTemplate/spec/containers/0"))
                .put("resource", "typo")))
                .anySatisfy(v -> assertThat(v).contains("spec.nodeSets[0].podTemplate").contains("resource"));
        assertThat(breakIt("Elasticsearch", "greenportal", e -> ((ObjectNode) e.at("/spec/nodeSets/0")).put("count", "3")))
                .anySatisfy(v -> assertThat(v).contains("spec.nodeSets[0].count: must be integer, not a string"));
        assertThat(breakIt("Cluster", "greenportal-pg", c -> ((ObjectNode) c.get("spec")).put("primaryUpdateStrategy", "whenever")))
                .anySatisfy(v -> assertThat(v).contains("spec.primaryUpdateStrategy: unsupported value \"whenever\""));
        assertThat(breakIt("RedisSentinel", "greenportal-redis", s -> ((ObjectNode) s.get("spec")).remove("kubernetesConfig")))
                .contains("RedisSentinel greenportal-redis: spec: missing required field kubernetesConfig");
        assertThat(breakIt("RedisSentinel", "greenportal-redis", s -> ((ObjectNode) s.at("/spec/redisSentinelConfig"))
                .put("redisReplicationname", "x")))
                .anySatisfy(v -> assertThat(v).startsWith("RedisSentinel greenportal-redis: spec.redisSentinelConfig.redisReplicationname: unknown field"));
        assertThat(breakIt("Database", "greenportal-pg-registry", d -> d.put("kind", "Databse")))
                .anySatisfy(v -> assertThat(v).contains("no vendored CRD serves kind Databse"));
    }

    /** The defect of issue 18: the generator wrote access.token.lifespan as an integer. */
    @Test
    void realmImportWithANonStringClientAttribute() {
        assertThat(breakIt("KeycloakRealmImport", "greenportal-realm", i -> ((ObjectNode) i.at("/spec/realm/clients/1/attributes"))
                .put("access.token.lifespan", 600)))
                .anySatisfy(v -> assertThat(v).contains("spec.realm.clients[1].attributes.access.token.lifespan: must be string, not an integer 600"));
    }

    /** CEL rules of the CRDs run: CloudNativePG refuses a Database named postgres. */
    @Test
    void celRulesOfTheCrds() {
        assertThat(breakIt("Database", "greenportal-pg-registry", d -> ((ObjectNode) d.get("spec")).put("name", "postgres")))
                .anySatisfy(v -> assertThat(v).contains("spec.name: the name postgres is reserved"));
        assertThat(breakIt("Cluster", "greenportal-pg", c -> ((ObjectNode) c.at("/spec/bootstrap/initdb")).put("icuLocale", "zh-CN")))
                .anySatisfy(v -> assertThat(v).contains("spec.bootstrap.initdb").contains("localeProvider"));
    }

    @Test
    void networkEvaluatorRefusesWithoutARule() {
        var prod = OverlayTest.render("prod").all(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
        var withoutDns = prod.stream().filter(p -> !p.getMetadata().getName().equals("allow-dns")).toList();
        assertThat(new NetworkFlows(withoutDns, "greenportal").allowed(NetworkPolicyTest.GATEWAY, NetworkPolicyTest.DNS, 53, "UDP"))
                .isFalse();
        var withoutRegistry = prod.stream().filter(p -> !p.getMetadata().getName().equals("registry-service")).toList();
        // with the registry's own policy gone, default-deny still blocks its ingress
        assertThat(new NetworkFlows(withoutRegistry, "greenportal").allowed(NetworkPolicyTest.PUBLICITY, NetworkPolicyTest.REGISTRY, 9090, "TCP"))
                .isFalse();
    }
}
