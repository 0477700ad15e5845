package io.greenportal.k8s;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;

/**
 * Operator resources: the apiVersion each operator serves for the kind, and only spec fields
 * their documentation (or API types) name. Embedded Kubernetes types (pod templates, resources,
 * claims, security contexts) are bound strictly with the fabric8 model. Paths: "[]" is any array
 * element, "*" any map key; a path mapped to a class is bound as that class.
 * Sources: CloudNativePG docs (Cluster, Database, managed roles, ScheduledBackup) and the Barman
 * Cloud plugin docs (ObjectStore, plugins); ECK API reference (Elasticsearch v1); the Keycloak
 * Operator's v2alpha1 Java types (KeycloakSpec, HostnameSpec, NetworkPolicySpec,
 * KeycloakRealmImportSpec, Placeholder); OpsTree redis-operator v1beta2 Go types.
 */
final class CustomResourceRules {

    record Kind(String apiVersion, Set<String> required, Map<String, Object> fields) {
    }

    static final Object LEAF = "leaf";
    static final Object OPAQUE = "opaque"; // content checked elsewhere (the realm: RealmImportTest)

    static final Map<String, Kind> KINDS = Map.of(
            "Cluster", new Kind("postgresql.cnpg.io/v1", Set.of("spec.instances", "spec.storage.size"), Map.ofEntries(
                    Map.entry("spec.instances", LEAF), Map.entry("spec.primaryUpdateStrategy", LEAF),
                    Map.entry("spec.storage.size", LEAF), Map.entry("spec.storage.storageClass", LEAF),
                    Map.entry("spec.resources", ResourceRequirements.class),
                    Map.entry("spec.affinity.enablePodAntiAffinity", LEAF), Map.entry("spec.affinity.topologyKey", LEAF),
                    Map.entry("spec.postgresql.parameters.*", LEAF),
                    Map.entry("spec.bootstrap.initdb.database", LEAF), Map.entry("spec.bootstrap.initdb.owner", LEAF),
                    Map.entry("spec.bootstrap.initdb.secret.name", LEAF),
                    Map.entry("spec.managed.roles[].name", LEAF), Map.entry("spec.managed.roles[].ensure", LEAF),
                    Map.entry("spec.managed.roles[].login", LEAF),
                    Map.entry("spec.managed.roles[].passwordSecret.name", LEAF),
                    Map.entry("spec.plugins[].name", LEAF), Map.entry("spec.plugins[].isWALArchiver", LEAF),
                    Map.entry("spec.plugins[].parameters.*", LEAF))),
            "Database", new Kind("postgresql.cnpg.io/v1", Set.of("spec.name", "spec.owner", "spec.cluster.name"),
                    Map.of("spec.name", LEAF, "spec.owner", LEAF, "spec.cluster.name", LEAF)),
            "ScheduledBackup", new Kind("postgresql.cnpg.io/v1", Set.of("spec.schedule", "spec.cluster.name"), Map.of(
                    "spec.schedule", LEAF, "spec.backupOwnerReference", LEAF, "spec.cluster.name", LEAF,
                    "spec.method", LEAF, "spec.pluginConfiguration.name", LEAF)),
            "ObjectStore", new Kind("barmancloud.cnpg.io/v1", Set.of("spec.configuration.destinationPath"), Map.of(
                    "spec.retentionPolicy", LEAF, "spec.configuration.destinationPath", LEAF,
                    "spec.configuration.endpointURL", LEAF,
                    "spec.configuration.s3Credentials.accessKeyId", SecretKeySelector.class,
                    "spec.configuration.s3Credentials.secretAccessKey", SecretKeySelector.class,
                    "spec.configuration.wal.compression", LEAF, "spec.configuration.data.compression", LEAF)),
            "Elasticsearch", new Kind("elasticsearch.k8s.elastic.co/v1", Set.of("spec.version", "spec.nodeSets[].count"), Map.of(
                    "spec.version", LEAF, "spec.auth.roles[].secretName", LEAF, "spec.auth.fileRealm[].secretName", LEAF,
                    "spec.nodeSets[].name", LEAF, "spec.nodeSets[].count", LEAF, "spec.nodeSets[].config.*", LEAF,
                    "spec.nodeSets[].podTemplate", PodTemplateSpec.class,
                    "spec.nodeSets[].volumeClaimTemplates[]", PersistentVolumeClaim.class)),
            "Keycloak", new Kind("k8s.keycloak.org/v2alpha1", Set.of("spec.db.vendor", "spec.hostname.hostname"), Map.ofEntries(
                    Map.entry("spec.instances", LEAF), Map.entry("spec.db.vendor", LEAF), Map.entry("spec.db.host", LEAF),
                    Map.entry("spec.db.port", LEAF), Map.entry("spec.db.database", LEAF),
                    Map.entry("spec.db.usernameSecret", SecretKeySelector.class),
                    Map.entry("spec.db.passwordSecret", SecretKeySelector.class),
                    Map.entry("spec.http.httpEnabled", LEAF), Map.entry("spec.http.tlsSecret", LEAF),
                    Map.entry("spec.hostname.hostname", LEAF), Map.entry("spec.hostname.backchannelDynamic", LEAF),
                    Map.entry("spec.hostname.strict", LEAF), Map.entry("spec.proxy.headers", LEAF),
                    Map.entry("spec.additionalOptions[].name", LEAF), Map.entry("spec.additionalOptions[].value", LEAF),
                    Map.entry("spec.bootstrapAdmin.user.secret", LEAF), Map.entry("spec.ingress.enabled", LEAF),
                    Map.entry("spec.networkPolicy.enabled", LEAF), Map.entry("spec.resources", ResourceRequirements.class))),
            "KeycloakRealmImport", new Kind("k8s.keycloak.org/v2alpha1", Set.of("spec.keycloakCRName", "spec.realm.realm"), Map.of(
                    "spec.keycloakCRName", LEAF, "spec.labels.*", LEAF,
                    "spec.placeholders.*.secret", SecretKeySelector.class, "spec.realm", OPAQUE)),
            "RedisReplication", new Kind("redis.redis.opstreelabs.in/v1beta2", Set.of("spec.clusterSize", "spec.kubernetesConfig.image"), redis(false)),
            "RedisSentinel", new Kind("redis.redis.opstreelabs.in/v1beta2",
                    Set.of("spec.clusterSize", "spec.kubernetesConfig.image", "spec.redisSentinelConfig.redisReplicationName"), redis(true)));

    private static Map<String, Object> redis(boolean sentinel) {
        var m = new java.util.HashMap<String, Object>(Map.of(
                "spec.clusterSize", LEAF, "spec.kubernetesConfig.image", LEAF, "spec.kubernetesConfig.imagePullPolicy", LEAF,
                "spec.kubernetesConfig.redisSecret.name", LEAF, "spec.kubernetesConfig.redisSecret.key", LEAF,
                "spec.kubernetesConfig.resources", ResourceRequirements.class,
                "spec.podSecurityContext", PodSecurityContext.class, "spec.securityContext", SecurityContext.class,
                "spec.pdb.enabled", LEAF, "spec.pdb.maxUnavailable", LEAF));
        m.put("spec.pdb.minAvailable", LEAF);
        if (sentinel) {
            m.putAll(Map.of("spec.redisSentinelConfig.redisReplicationName", LEAF,
                    "spec.redisSentinelConfig.masterGroupName", LEAF, "spec.redisSentinelConfig.quorum", LEAF,
                    "spec.redisSentinelConfig.redisReplicationPassword", EnvVarSource.class));
        } else {
            m.put("spec.storage.volumeClaimTemplate", PersistentVolumeClaim.class);
        }
        return m;
    }

    private CustomResourceRules() {
    }

    static List<String> check(JsonNode doc) {
        List<String> v = new ArrayList<>();
        String kind = doc.path("kind").asText();
        String id = kind + " " + doc.path("metadata").path("name").asText();
        Kind k = KINDS.get(kind);
        if (k == null) {
            v.add(id + ": no operator documented for kind " + kind + " (" + doc.path("apiVersion").asText() + ")");
            return v;
        }
        if (!k.apiVersion().equals(doc.path("apiVersion").asText())) {
            v.add(id + ": apiVersion " + doc.path("apiVersion").asText() + ", the operator serves " + k.apiVersion());
        }
        try {
            StrictModel.bind(doc.path("metadata"), ObjectMeta.class);
        } catch (IllegalArgumentException e) {
            v.add(id + ": metadata: " + e.getMessage());
        }
        Iterator<String> top = doc.fieldNames();
        while (top.hasNext()) {
            String f = top.next();
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(f)) {
                v.add(id + ": unexpected top-level field " + f);
            }
        }
        walk(doc.path("spec"), "spec", k, id, v);
        for (String req : k.required()) {
            if (!present(doc, req.split("\\."), 0)) {
                v.add(id + ": missing " + req);
            }
        }
        return v;
    }

    private static void walk(JsonNode node, String path, Kind k, String id, List<String> v) {
        Object rule = k.fields().get(path);
        if (rule == OPAQUE) {
            return;
        }
        if (rule instanceof Class<?> type) {
            try {
                StrictModel.bind(node, type);
            } catch (IllegalArgumentException e) {
                v.add(id + ": " + path + ": " + e.getMessage());
            }
            return;
        }
        if (rule == LEAF) {
            if (node.isContainerNode()) {
                v.add(id + ": " + path + " should be a value");
            }
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> walk(item, path + "[]", k, id, v));
            return;
        }
        if (!node.isObject()) {
            v.add(id + ": " + path + " is not a documented field");
            return;
        }
        node.fieldNames().forEachRemaining(f -> {
            String child = path + "." + f;
            String wildcard = path + ".*";
            boolean known = k.fields().keySet().stream().anyMatch(p -> p.equals(child) || p.startsWith(child + ".")
                    || p.startsWith(child + "[]"));
            boolean mapKey = k.fields().keySet().stream().anyMatch(p -> p.equals(wildcard) || p.startsWith(wildcard + "."));
            if (known) {
                walk(node.get(f), child, k, id, v);
            } else if (mapKey) {
                walk(node.get(f), wildcard, k, id, v);
            } else {
                v.add(id + ": unknown field " + child);
            }
        });
    }

    private static boolean present(JsonNode node, String[] parts, int i) {
        if (i == parts.length) {
            return !node.isMissingNode() && !node.isNull();
        }
        String p = parts[i];
        if (p.endsWith("[]")) {
            JsonNode arr = node.path(p.substring(0, p.length() - 2));
            if (!arr.isArray() || arr.isEmpty()) {
                return false;
            }
            for (JsonNode item : arr) {
                if (!present(item, parts, i + 1)) {
                    return false;
                }
            }
            return true;
        }
        return present(node.path(p), parts, i + 1);
    }
}
