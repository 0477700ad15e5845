package io.greenportal.k8s;

import java.util.Map;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Binds Kubernetes objects to the fabric8 model and fails on any field the model does not know.
 * fabric8 keeps unknown fields in an "additionalProperties" map (a Jackson any-setter); removing
 * the any-setter lets FAIL_ON_UNKNOWN_PROPERTIES do its job at every depth.
 */
final class StrictModel {

    /** The core kinds the manifests may contain, by "apiVersion/kind". */
    static final Map<String, Class<? extends HasMetadata>> CORE = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("batch/v1/CronJob", io.fabric8.kubernetes.api.model.batch.v1.CronJob.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", io.fabric8.kubernetes.api.model.rbac.Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", io.fabric8.kubernetes.api.model.rbac.RoleBinding.class));

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("strict").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                        BeanDeserializerBuilder builder) {
                    if (bean.getBeanClass().getName().startsWith("io.fabric8.")) {
                        builder.setAnySetter(null);
                    }
                    return builder;
                }
            }));

    private StrictModel() {
    }

    static boolean isCore(JsonNode doc) {
        return CORE.containsKey(key(doc)) || isCoreGroup(doc.path("apiVersion").asText());
    }

    /** Binds a document to its model class; throws with the offending field when one is unknown. */
    static HasMetadata bind(JsonNode doc) {
        Class<? extends HasMetadata> type = CORE.get(key(doc));
        if (type == null) {
            throw new IllegalArgumentException("not an allowed core kind/apiVersion: " + key(doc));
        }
        return bind(doc, type);
    }

    static <T> T bind(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + " at " + e.getLocation() + " ("
                    + pathOf(e) + ")", e);
        }
    }

    private static String pathOf(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "?";
    }

    static String key(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    private static boolean isCoreGroup(String apiVersion) {
        return apiVersion.equals("v1") || apiVersion.startsWith("apps/") || apiVersion.startsWith("batch/")
                || apiVersion.startsWith("autoscaling/") || apiVersion.startsWith("policy/")
                || apiVersion.startsWith("networking.k8s.io/") || apiVersion.startsWith("rbac.authorization.k8s.io/");
    }
}
