package io.greenportal.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * The operators' CustomResourceDefinitions vendored under src/test/resources/crds (provenance in
 * its README), plus the hand-written monitoring.coreos.com schema, and the check of a custom
 * resource against them: the kind must be served at its apiVersion and that version must be the
 * one the operator stores (older served versions are conversions kept for compatibility),
 * metadata binds strictly to ObjectMeta, and the spec passes {@link StructuralSchema}.
 */
final class CrdSchemas {

    record Version(String group, String version, String kind, boolean storage, boolean deprecated, JsonNode schema,
            String file) {

        String apiVersion() {
            return group + "/" + version;
        }
    }

    static final List<String> FILES = List.of("crds/es.yaml", "crds/cnpg_clusters.yaml", "crds/cnpg_databases.yaml",
            "crds/cnpg_poolers.yaml", "crds/cnpg_scheduledbackups.yaml", "crds/objectstore.yaml",
            "crds/redis_redisreplications.yaml", "crds/redis_redissentinels.yaml", "crds/kc/keycloaks-26.0.0.yml",
            "crds/kc/realmimports-26.0.0.yml", "crds/monitoring/monitoring.coreos.com.yaml");

    /** Subtrees a schema leaves open (preserve-unknown-fields) that are Kubernetes types, bound strictly. */
    static final Map<String, Map<String, Class<?>>> EMBEDDED = Map.of(
            "Elasticsearch", Map.of("spec.nodeSets[].podTemplate", PodTemplateSpec.class));

    private static final Map<String, Version> BY_API_KIND = new HashMap<>();
    private static final Map<String, List<Version>> BY_KIND = new HashMap<>();

    static {
        for (String file : FILES) {
            try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + file);
                }
                for (JsonNode crd : Kustomize.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                    String group = crd.at("/spec/group").asText();
                    String kind = crd.at("/spec/names/kind").asText();
                    for (JsonNode v : crd.at("/spec/versions")) {
                        if (!v.path("served").asBoolean()) {
                            continue;
                        }
                        Version version = new Version(group, v.path("name").asText(), kind, v.path("storage").asBoolean(),
                                v.path("deprecated").asBoolean(false), v.at("/schema/openAPIV3Schema"), file);
                        BY_API_KIND.put(version.apiVersion() + "/" + kind, version);
                        BY_KIND.computeIfAbsent(kind, k -> new ArrayList<>()).add(version);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private CrdSchemas() {
    }

    static boolean knows(String kind) {
        return BY_KIND.containsKey(kind);
    }

    /** Violations of one custom resource, each prefixed with "Kind name: ". */
    static List<String> check(JsonNode doc) {
        String kind = doc.path("kind").asText();
        String id = kind + " " + doc.path("metadata").path("name").asText();
        List<String> v = new ArrayList<>();
        Version version = BY_API_KIND.get(doc.path("apiVersion").asText() + "/" + kind);
        if (version == null) {
            List<String> served = BY_KIND.getOrDefault(kind, List.of()).stream().map(Version::apiVersion).toList();
            v.add(id + ": no vendored CRD serves kind " + kind + " at " + doc.path("apiVersion").asText()
                    + (served.isEmpty() ? " (no operator of ours defines this kind)" : "; served: " + served));
            return v;
        }
        if (!version.storage() || version.deprecated()) {
            String stored = BY_KIND.get(kind).stream().filter(Version::storage).map(Version::apiVersion).findFirst().orElse("?");
            v.add(id + ": apiVersion " + version.apiVersion() + " is served for compatibility only; the operator stores "
                    + stored);
        }
        try {
            StrictModel.bind(doc.path("metadata"), ObjectMeta.class);
        } catch (IllegalArgumentException e) {
            v.add(id + ": metadata: " + e.getMessage());
        }
        doc.fieldNames().forEachRemaining(f -> {
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(f)) {
                v.add(id + ": top-level field " + f + " does not belong in a manifest");
            }
        });
        JsonNode specSchema = version.schema().at("/properties/spec");
        if (doc.has("spec")) {
            JsonNode spec = doc.get("spec").deepCopy();
            StructuralSchema.applyDefaults(specSchema, spec);
            StructuralSchema.validate(specSchema, spec, "spec", version.file(), EMBEDDED.getOrDefault(kind, Map.of()))
                    .forEach(m -> v.add(id + ": " + m));
        }
        for (JsonNode req : version.schema().path("required")) {
            if (!doc.has(req.asText())) {
                v.add(id + ": missing required field " + req.asText());
            }
        }
        // rules on the root (self = the whole object)
        if (version.schema().has("x-kubernetes-validations")) {
            ObjectNode whole = doc.deepCopy();
            CelRules.check(version.schema(), whole, version.file(), "(root)").forEach(m -> v.add(id + ": " + m));
        }
        return v;
    }
}
