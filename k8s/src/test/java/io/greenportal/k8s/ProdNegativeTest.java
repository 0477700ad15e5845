package io.greenportal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each defect of issue 18, put back into a copy of the rendered prod overlay, is caught by its rule. */
class ProdNegativeTest {

    static List<JsonNode> prod;

    @BeforeAll
    static void render() {
        prod = Kustomize.render(Repo.K8S.resolve("overlays/prod"));
    }

    /** The rule's violations after changing every document of the kind whose name starts so. */
    static List<String> after(String kind, String name, Consumer<ObjectNode> change, Function<ManifestRules.Rendered, List<String>> rule) {
        List<JsonNode> docs = new ArrayList<>();
        int changed = 0;
        for (JsonNode d : prod) {
            JsonNode copy = d.deepCopy();
            if (copy.path("kind").asText().equals(kind) && copy.path("metadata").path("name").asText().startsWith(name)) {
                change.accept((ObjectNode) copy);
                changed++;
            }
            docs.add(copy);
        }
        assertThat(changed).as("found %s %s", kind, name).isPositive();
        var rendered = ManifestRules.bind(docs);
        assertThat(rule.apply(ManifestRules.bind(prod))).as("the unchanged overlay passes").isEmpty();
        return rule.apply(rendered);
    }

    static ObjectNode data(ObjectNode configMap) {
        return (ObjectNode) configMap.get("data");
    }

    @Test
    void connectionsBeyondMaxConnections() {
        // the old manifests: every app straight to PostgreSQL with a pool of 10, no Keycloak pool limit, 300 connections
        // even one pooled application sent straight to the primary no longer fits (283 before the 14
        // LISTEN connections of registry and certification were counted)
        assertThat(after("ConfigMap", "registry-service", c -> data(c).put("GP_PG_HOST", "greenportal-pg-rw"), ConnectionBudget::check))
                .anySatisfy(v -> assertThat(v).startsWith("server connections 297 (with headroom) > max_connections 250"));
        // LISTEN through PgBouncer would silently receive nothing
        assertThat(after("ConfigMap", "certification-service", c -> data(c).put("GP_PG_LISTEN_URL",
                "jdbc:postgresql://greenportal-pg-pooler-rw:5432/certification"), ConnectionBudget::check))
                .anySatisfy(v -> assertThat(v).contains("a LISTEN through PgBouncer receives nothing"));
        assertThat(after("ConfigMap", "", c -> {
            if (c.path("data").has("GP_PG_HOST")) {
                data(c).put("GP_PG_HOST", "greenportal-pg-rw").put("GP_DB_POOL", "10");
            }
        }, ConnectionBudget::check)).anySatisfy(v -> assertThat(v).startsWith("server connections"));
        assertThat(after("Keycloak", "greenportal-kc", k -> ((ObjectNode) k.at("/spec/db")).remove("poolMaxSize"), ConnectionBudget::check))
                .anySatisfy(v -> assertThat(v).contains("> max_connections"));
        assertThat(after("Pooler", "greenportal-pg-pooler-rw", p -> ((ObjectNode) p.at("/spec/pgbouncer")).put("poolMode", "session"),
                ConnectionBudget::check)).anySatisfy(v -> assertThat(v).contains("only transaction pooling"));
        assertThat(after("Pooler", "greenportal-pg-pooler-rw", p -> ((ObjectNode) p.at("/spec/pgbouncer/parameters")).put("max_client_conn", "100"),
                ConnectionBudget::check)).anySatisfy(v -> assertThat(v).startsWith("PgBouncer clients 200 > max_client_conn 100"));
    }

    @Test
    void publicIndexWithoutReplica() {
        assertThat(after("ConfigMap", "publicity-service", c -> data(c).remove("GP_ES_REPLICAS"), ReleaseRules::indexReplicas))
                .anySatisfy(v -> assertThat(v).contains("GP_ES_REPLICAS 0 on 3 Elasticsearch nodes"));
    }

    @Test
    void undocumentedOperatorNamespace() {
        assertThat(after("NetworkPolicy", "redis", p -> {
            String json = p.toString().replace("ot-operators", "redis-operator");
            p.removeAll();
            p.setAll((ObjectNode) Kustomize.parse(json).get(0));
        }, PlatformRules::operatorNamespaces)).anySatisfy(v -> assertThat(v).contains("names namespace redis-operator"));
    }

    @Test
    void provinceUnsetOrInconsistent() {
        assertThat(after("ConfigMap", "greenportal-common", c -> data(c).remove("GP_PROVINCE_CODE"), ReleaseRules::province))
                .contains("Deployment registry-service: GP_PROVINCE_CODE unset (the app would fall back to 640000)");
        assertThat(after("ConfigMap", "certification-service", c -> data(c).put("GP_PROVINCE_CODE", "140000"), ReleaseRules::province))
                .contains("GP_PROVINCE_CODE differs between services: [140000, 640000]");
    }

    @Test
    void hardSpreadCountingTaintedNodes() {
        assertThat(after("Deployment", "gateway", d -> ((ObjectNode) d.at("/spec/template/spec/topologySpreadConstraints/0"))
                .remove("nodeTaintsPolicy"), PlatformRules::topologySpread))
                .anySatisfy(v -> assertThat(v).contains("without nodeTaintsPolicy Honor"));
    }

    @Test
    void bodyLimitBelowTheGateway() {
        assertThat(after("Ingress", "gateway", i -> ((ObjectNode) i.at("/metadata/annotations"))
                .put("nginx.ingress.kubernetes.io/proxy-body-size", "20m"), ReleaseRules::bodyLimits))
                .anySatisfy(v -> assertThat(v).contains("proxy-body-size 20m"));
        assertThat(after("ConfigMap", "certification-service", c -> data(c).put("GP_CERTIFICATION_MAX_REQUEST", "30MB"),
                ReleaseRules::bodyLimits)).anySatisfy(v -> assertThat(v).contains("< certification's multipart limit"));
    }

    @Test
    void mutableImageTags() {
        assertThat(after("Deployment", "registry", d -> ((ObjectNode) d.at("/spec/template/spec/containers/0"))
                .put("image", "registry.greenportal.example/greenportal/registry-service:0.1.0-SNAPSHOT"), ReleaseRules::imagesByDigest))
                .anySatisfy(v -> assertThat(v).contains("is not pinned by digest"));
    }

    @Test
    void roleSecretWithoutReloadLabel() {
        List<JsonNode> docs = new ArrayList<>(prod);
        docs.add(Kustomize.parse("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: greenportal-pg-registry
                type: kubernetes.io/basic-auth
                """).get(0));
        assertThat(ReleaseRules.roleSecretsReload(ManifestRules.bind(docs), "cnpg.io/reload=true")).isEmpty(); // registry: initdb, not a managed role
        docs.set(docs.size() - 1, Kustomize.parse("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: greenportal-pg-publicity
                type: kubernetes.io/basic-auth
                """).get(0));
        assertThat(ReleaseRules.roleSecretsReload(ManifestRules.bind(docs), "cnpg.io/reload=true"))
                .containsExactly("Secret greenportal-pg-publicity: a CloudNativePG role password without label cnpg.io/reload=true");
        assertThat(ReleaseRules.roleSecretsReload(ManifestRules.bind(prod), "kubectl create secret generic"))
                .anySatisfy(v -> assertThat(v).contains("README"));
    }

    @Test
    void oneCpuJvm() {
        // without the flags, 768 MiB is below the server-class threshold: serial GC even with 2 CPUs
        assertThat(after("ConfigMap", "greenportal-common", c -> data(c).remove("JDK_JAVA_OPTIONS"), PlatformRules::jvmErgonomics))
                .anySatisfy(v -> assertThat(v).contains("picks the serial collector"));
        // the old manifests: a one-CPU limit and no flags
        List<JsonNode> docs = new ArrayList<>();
        for (JsonNode d : prod) {
            ObjectNode copy = d.deepCopy();
            if (copy.path("kind").asText().equals("ConfigMap") && copy.path("data").has("JDK_JAVA_OPTIONS")) {
                data(copy).remove("JDK_JAVA_OPTIONS");
            }
            if (copy.path("kind").asText().equals("Deployment")) {
                ((ObjectNode) copy.at("/spec/template/spec/containers/0/resources/limits")).put("cpu", "1");
            }
            docs.add(copy);
        }
        assertThat(PlatformRules.jvmErgonomics(ManifestRules.bind(docs))).anySatisfy(v -> assertThat(v).contains("sees 1 processor"));
    }

    @Test
    void redisWithoutCeilingOrPolicy() {
        assertThat(after("ConfigMap", "greenportal-redis-config", c -> data(c).put("redis-additional.conf", "maxmemory-policy noeviction\n"),
                r -> PlatformRules.redisMemory(r, PlatformRulesTest.configFiles(r))))
                .anySatisfy(v -> assertThat(v).contains("no maxmemory"))
                .anySatisfy(v -> assertThat(v).contains("should evict expiring keys"));
        assertThat(after("RedisReplication", "greenportal-redis", r -> ((ObjectNode) r.at("/spec/kubernetesConfig/resources/limits"))
                .put("memory", "256Mi"), r -> PlatformRules.redisMemory(r, PlatformRulesTest.configFiles(r))))
                .anySatisfy(v -> assertThat(v).contains("leaves under a quarter"));
    }

    @Test
    void metricsOrMasterRealmThroughTheIngress() {
        assertThat(after("Ingress", "gateway", i -> ((ObjectNode) i.at("/spec/rules/0/http/paths/0")).put("path", "/auth/realms/"),
                PlatformRules::ingressRoutes)).anySatisfy(v -> assertThat(v).contains("master realm"));
        assertThat(after("Ingress", "gateway", i -> ((ArrayNode) i.at("/spec/rules/0/http/paths")).addObject().put("path", "/actuator/")
                .put("pathType", "Prefix").putObject("backend").putObject("service").put("name", "gateway").putObject("port")
                .put("name", "management"), PlatformRules::ingressRoutes))
                .anySatisfy(v -> assertThat(v).contains("routes to a management port"))
                .anySatisfy(v -> assertThat(v).contains("routes to actuator"));
    }

    @Test
    void probesOrMetricsOnTheServingPort() {
        assertThat(after("Deployment", "publicity", d -> ((ObjectNode) d.at("/spec/template/spec/containers/0/readinessProbe/httpGet"))
                .put("port", "http"), PlatformRules::managementPort)).anySatisfy(v -> assertThat(v).contains("not management"));
        assertThat(after("ConfigMap", "greenportal-common", c -> data(c).remove("MANAGEMENT_SERVER_PORT"), PlatformRules::managementPort))
                .anySatisfy(v -> assertThat(v).contains("MANAGEMENT_SERVER_PORT is not 8090"));
        assertThat(after("ConfigMap", "greenportal-common", c -> data(c).remove("GP_BIND_ADDRESS"), PlatformRules::managementPort))
                .anySatisfy(v -> assertThat(v).contains("GP_BIND_ADDRESS is not 0.0.0.0"));
    }

    @Test
    void baselineNamespaceOrUnrestrictedPods() {
        assertThat(after("Namespace", "greenportal", n -> ((ObjectNode) n.at("/metadata/labels"))
                .put("pod-security.kubernetes.io/enforce", "baseline"), PlatformRules::podSecurityRestricted))
                .anySatisfy(v -> assertThat(v).contains("enforces baseline, not restricted"));
        assertThat(after("Keycloak", "greenportal-kc", k -> ((ObjectNode) k.get("spec")).remove("unsupported"),
                PlatformRules::podSecurityRestricted)).anySatisfy(v -> assertThat(v).contains("Keycloak pods"));
        assertThat(after("RedisReplication", "greenportal-redis", r -> ((ObjectNode) r.at("/spec/podSecurityContext")).remove("seccompProfile"),
                PlatformRules::podSecurityRestricted)).anySatisfy(v -> assertThat(v).contains("RedisReplication"));
    }

    @Test
    void onlyNameAndPartOfLabels() {
        assertThat(after("Deployment", "incentive", d -> {
            ((ObjectNode) d.at("/metadata/labels")).remove(List.of("app.kubernetes.io/instance", "app.kubernetes.io/version",
                    "app.kubernetes.io/component", "app.kubernetes.io/managed-by"));
        }, PlatformRules::standardLabels)).anySatisfy(v -> assertThat(v).startsWith("Deployment incentive-service: missing labels"));
    }

    @Test
    void alertsAndPreScalingMissingOrWrong() {
        assertThat(after("PrometheusRule", "greenportal-slos", p -> ((ArrayNode) p.at("/spec/groups")).remove(2), ReleaseRules::alerts))
                .anySatisfy(v -> assertThat(v).contains("PostgreSQL connections near max"))
                .anySatisfy(v -> assertThat(v).contains("Redis memory near maxmemory"));
        assertThat(after("CronJob", "publicity-day-prescale", c -> ((ArrayNode) c.at("/spec/jobTemplate/spec/template/spec/containers/0/args"))
                .set(5, "{\"spec\":{\"minReplicas\":20}}"), ReleaseRules::publicityDay))
                .anySatisfy(v -> assertThat(v).contains("above gateway's maximum 12"));
        assertThat(after("Role", "publicity-day", r -> ((ArrayNode) r.at("/rules/0/verbs")).add("delete"), ReleaseRules::publicityDay))
                .anySatisfy(v -> assertThat(v).contains("more than get/patch"));
    }
}
