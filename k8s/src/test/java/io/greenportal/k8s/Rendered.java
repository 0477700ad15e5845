package io.greenportal.k8s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/** Look-ups over a rendered overlay that several rule sets need. */
final class Rendered {

    private Rendered() {
    }

    static List<JsonNode> kind(ManifestRules.Rendered r, String kind) {
        return r.custom().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    static Optional<JsonNode> one(ManifestRules.Rendered r, String kind) {
        return kind(r, kind).stream().findFirst();
    }

    static Optional<Deployment> deployment(ManifestRules.Rendered r, String name) {
        return r.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst();
    }

    static Container app(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The environment the app container sees: its ConfigMaps (envFrom, in order), then env values. */
    static Map<String, String> env(ManifestRules.Rendered r, Deployment d) {
        Map<String, ConfigMap> maps = new HashMap<>();
        r.all(ConfigMap.class).forEach(c -> maps.put(c.getMetadata().getName(), c));
        Map<String, String> env = new HashMap<>();
        Container c = app(d);
        if (c.getEnvFrom() != null) {
            c.getEnvFrom().stream().filter(e -> e.getConfigMapRef() != null).map(e -> maps.get(e.getConfigMapRef().getName()))
                    .filter(m -> m != null && m.getData() != null).forEach(m -> env.putAll(m.getData()));
        }
        if (c.getEnv() != null) {
            c.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        }
        return env;
    }

    /** The most pods a Deployment can have: its HPA's maximum, else its replica count (default 1). */
    static int maxPods(ManifestRules.Rendered r, Deployment d) {
        return r.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(d.getMetadata().getName()))
                .map(h -> h.getSpec().getMaxReplicas()).findFirst()
                .orElse(d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas());
    }
}
