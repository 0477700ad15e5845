package io.greenportal.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * The rules issue 18 added, each returning readable violations so that ProdNegativeTest can show
 * it catches the defect it guards against.
 */
final class PlatformRules {

    static final List<String> APPS = OverlayTest.APPS;
    static final Set<String> STANDARD_LABELS = Set.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
            "app.kubernetes.io/version", "app.kubernetes.io/component", "app.kubernetes.io/part-of",
            "app.kubernetes.io/managed-by");
    /** Namespaces other than our own that NetworkPolicies may name, as each installer documents it. */
    static final Map<String, String> DOCUMENTED_NAMESPACES = Map.of(
            "ingress-nginx", "ingress-nginx (controller)", "kube-system", "kube-dns",
            "monitoring", "Prometheus", "cnpg-system", "CloudNativePG operator",
            "elastic-system", "ECK operator", "ot-operators", "OpsTree redis-operator");

    private PlatformRules() {
    }

    /** app.kubernetes.io/{name,instance,version,component,part-of,managed-by} on workloads, pods and Services. */
    static List<String> standardLabels(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            missing(d.getMetadata().getLabels(), "Deployment " + d.getMetadata().getName(), v);
            missing(d.getSpec().getTemplate().getMetadata().getLabels(), "Deployment " + d.getMetadata().getName() + " pod template", v);
        }
        for (Service s : r.all(Service.class)) {
            missing(s.getMetadata().getLabels(), "Service " + s.getMetadata().getName(), v);
        }
        return v;
    }

    private static void missing(Map<String, String> labels, String id, List<String> v) {
        Set<String> absent = new TreeSet<>(STANDARD_LABELS);
        if (labels != null) {
            absent.removeAll(labels.keySet());
        }
        if (!absent.isEmpty()) {
            v.add(id + ": missing labels " + absent);
        }
    }

    /** Hard spreading counts only nodes the pod may use. */
    static List<String> topologySpread(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().stream()
                    .filter(t -> "DoNotSchedule".equals(t.getWhenUnsatisfiable()) && !"Honor".equals(t.getNodeTaintsPolicy()))
                    .forEach(t -> v.add("Deployment " + d.getMetadata().getName() + ": hard spread by " + t.getTopologyKey()
                            + " without nodeTaintsPolicy Honor counts tainted nodes and caps scale-up"));
        }
        return v;
    }

    /** NetworkPolicies name only the namespaces the installers document. */
    static List<String> operatorNamespaces(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        for (NetworkPolicy p : r.all(NetworkPolicy.class)) {
            String json = StrictModel.MAPPER.valueToTree(p.getSpec()).toString();
            Matcher m = Pattern.compile("\"kubernetes.io/metadata.name\":\"([^\"]+)\"").matcher(json);
            while (m.find()) {
                if (!DOCUMENTED_NAMESPACES.containsKey(m.group(1))) {
                    v.add("NetworkPolicy " + p.getMetadata().getName() + " names namespace " + m.group(1)
                            + ", not one of the documented installs " + DOCUMENTED_NAMESPACES.keySet());
                }
            }
        }
        return v;
    }

    /** The JVM gets two processors and G1 (ergonomics: < 2 CPUs or < 1792 MB means the serial collector). */
    static List<String> jvmErgonomics(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            Map<String, String> env = Rendered.env(r, d);
            String opts = env.getOrDefault("JDK_JAVA_OPTIONS", "") + " " + env.getOrDefault("JAVA_TOOL_OPTIONS", "");
            Container c = Rendered.app(d);
            Quantity cpu = c.getResources().getLimits().get("cpu");
            Quantity mem = c.getResources().getLimits().get("memory");
            Matcher apc = Pattern.compile("-XX:ActiveProcessorCount=(\\d+)").matcher(opts);
            int processors = apc.find() ? Integer.parseInt(apc.group(1))
                    : (int) Math.ceil(cpu == null ? 0 : Quantity.getAmountInBytes(cpu).doubleValue());
            boolean explicitGc = opts.contains("-XX:+UseG1GC") || opts.contains("-XX:+UseZGC") || opts.contains("-XX:+UseParallelGC");
            boolean serverClass = processors >= 2 && mem != null && Quantity.getAmountInBytes(mem).longValue() >= 1792L * 1024 * 1024;
            String id = "Deployment " + d.getMetadata().getName();
            if (processors < 2) {
                v.add(id + ": the JVM sees " + processors + " processor(s) (CPU limit " + cpu + "): one GC and pool thread");
            }
            if (!explicitGc && !serverClass) {
                v.add(id + ": the JVM picks the serial collector (" + processors + " CPUs, " + mem + "): set -XX:+UseG1GC");
            }
        }
        return v;
    }

    /** Pod Security "restricted" on the namespace, and every pod template we write meets it. */
    static List<String> podSecurityRestricted(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        for (Namespace n : r.all(Namespace.class)) {
            if (!"restricted".equals(n.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"))) {
                v.add("Namespace " + n.getMetadata().getName() + ": enforces "
                        + n.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce") + ", not restricted");
            }
        }
        for (Deployment d : r.all(Deployment.class)) {
            restricted(d.getSpec().getTemplate().getSpec(), "Deployment " + d.getMetadata().getName(), v);
        }
        for (CronJob c : r.all(CronJob.class)) {
            restricted(c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec(), "CronJob " + c.getMetadata().getName(), v);
        }
        for (JsonNode es : Rendered.kind(r, "Elasticsearch")) {
            for (JsonNode set : es.at("/spec/nodeSets")) {
                restricted(StrictModel.bind(set.at("/podTemplate/spec"), PodSpec.class), "Elasticsearch nodeSet " + set.path("name").asText(), v);
            }
        }
        for (JsonNode kc : Rendered.kind(r, "Keycloak")) {
            JsonNode spec = kc.at("/spec/unsupported/podTemplate/spec");
            if (spec.isMissingNode()) {
                v.add("Keycloak pods: no security context (the operator sets none): unsupported.podTemplate");
            } else {
                restricted(StrictModel.bind(spec, PodSpec.class), "Keycloak pods", v);
            }
        }
        for (String kind : List.of("RedisReplication", "RedisSentinel")) {
            for (JsonNode redis : Rendered.kind(r, kind)) {
                if (!"RuntimeDefault".equals(redis.at("/spec/podSecurityContext/seccompProfile/type").asText())
                        || !redis.at("/spec/podSecurityContext/runAsNonRoot").asBoolean()
                        || redis.at("/spec/securityContext/allowPrivilegeEscalation").asBoolean(true)
                        || !redis.at("/spec/securityContext/capabilities/drop").toString().contains("ALL")) {
                    v.add(kind + " " + redis.at("/metadata/name").asText() + ": pods do not meet restricted");
                }
            }
        }
        return v;
    }

    private static void restricted(PodSpec pod, String id, List<String> v) {
        var psc = pod.getSecurityContext();
        boolean podNonRoot = psc != null && Boolean.TRUE.equals(psc.getRunAsNonRoot());
        boolean podSeccomp = psc != null && psc.getSeccompProfile() != null
                && Set.of("RuntimeDefault", "Localhost").contains(psc.getSeccompProfile().getType());
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        for (Container c : all) {
            var sc = c.getSecurityContext();
            String cid = id + " container " + (c.getName() == null ? "0" : c.getName());
            if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                v.add(cid + ": restricted needs allowPrivilegeEscalation false");
            }
            if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                    || !sc.getCapabilities().getDrop().contains("ALL")) {
                v.add(cid + ": restricted needs capabilities drop ALL");
            }
            if (!podNonRoot && (sc == null || !Boolean.TRUE.equals(sc.getRunAsNonRoot()))) {
                v.add(cid + ": restricted needs runAsNonRoot");
            }
            if (!podSeccomp && (sc == null || sc.getSeccompProfile() == null)) {
                v.add(cid + ": restricted needs a RuntimeDefault seccomp profile");
            }
        }
    }

    /** The Ingress routes neither to a management port nor to /actuator, nor to Keycloak's master realm. */
    static List<String> ingressRoutes(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        for (Ingress in : r.all(Ingress.class)) {
            in.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(p -> {
                var port = p.getBackend().getService().getPort();
                String id = "Ingress " + in.getMetadata().getName() + " path " + p.getPath();
                if ("management".equals(port.getName()) || Integer.valueOf(8090).equals(port.getNumber())
                        || Integer.valueOf(9000).equals(port.getNumber())) {
                    v.add(id + ": routes to a management port");
                }
                if (p.getPath().contains("actuator") || p.getPath().contains("metrics")) {
                    v.add(id + ": routes to actuator/metrics");
                }
                if (p.getBackend().getService().getName().equals("greenportal-kc-service")
                        && !Set.of("/auth/realms/greenportal/", "/auth/resources/").contains(p.getPath())) {
                    v.add(id + ": exposes more of Keycloak than the portal realm's pages (master realm, admin)");
                }
            }));
        }
        return v;
    }

    /**
     * Actuator on the management port: probes there, MANAGEMENT_SERVER_PORT set, Service port named
     * management. And the ports reachable at all: the applications bind to loopback unless
     * GP_BIND_ADDRESS says otherwise (the local portal's default), which in a pod no probe,
     * Service or scraper could reach.
     */
    static List<String> managementPort(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            String id = "Deployment " + d.getMetadata().getName();
            Container c = Rendered.app(d);
            if (!"8090".equals(Rendered.env(r, d).get("MANAGEMENT_SERVER_PORT"))) {
                v.add(id + ": MANAGEMENT_SERVER_PORT is not 8090");
            }
            if (!"0.0.0.0".equals(Rendered.env(r, d).get("GP_BIND_ADDRESS"))) {
                v.add(id + ": GP_BIND_ADDRESS is not 0.0.0.0 (the applications listen on loopback by default)");
            }
            boolean declared = c.getPorts().stream().anyMatch(p -> "management".equals(p.getName()) && p.getContainerPort() == 8090);
            if (!declared) {
                v.add(id + ": no container port management 8090");
            }
            for (var probe : List.of(c.getLivenessProbe(), c.getReadinessProbe())) {
                if (probe != null && probe.getHttpGet() != null && !"management".equals(probe.getHttpGet().getPort().getStrVal())) {
                    v.add(id + ": an actuator probe on port " + ManifestRules.show(probe.getHttpGet().getPort()) + ", not management");
                }
            }
        }
        return v;
    }

    /** Redis holds sessions, rate limits and cache: a ceiling below the container limit and an eviction policy. */
    static List<String> redisMemory(ManifestRules.Rendered r, Map<String, String> configFiles) {
        List<String> v = new ArrayList<>();
        for (JsonNode redis : Rendered.kind(r, "RedisReplication")) {
            String id = "RedisReplication " + redis.at("/metadata/name").asText();
            String cm = redis.at("/spec/redisConfig/additionalRedisConfig").asText("");
            String conf = configFiles.get(cm);
            if (conf == null) {
                v.add(id + ": no additionalRedisConfig ConfigMap with maxmemory (found '" + cm + "')");
                continue;
            }
            Matcher max = Pattern.compile("(?m)^maxmemory (\\d+)mb$").matcher(conf);
            Matcher policy = Pattern.compile("(?m)^maxmemory-policy (\\S+)$").matcher(conf);
            long limit = Quantity.getAmountInBytes(new Quantity(redis.at("/spec/kubernetesConfig/resources/limits/memory").asText("0"))).longValue();
            if (!max.find()) {
                v.add(id + ": no maxmemory: Redis grows until the container is killed");
            } else if (Long.parseLong(max.group(1)) * 1024 * 1024 > limit * 3 / 4) {
                v.add(id + ": maxmemory " + max.group(1) + "mb leaves under a quarter of the " + limit / (1024 * 1024)
                        + " MiB limit for replication buffers and the snapshot fork");
            }
            if (!policy.find() || !policy.group(1).startsWith("volatile-")) {
                v.add(id + ": maxmemory-policy should evict expiring keys (volatile-*), found " + (policy.hitEnd() ? "none" : policy.group(1)));
            }
        }
        return v;
    }

    static List<HasMetadata> named(List<? extends HasMetadata> objects, String name) {
        return objects.stream().filter(o -> o.getMetadata().getName().equals(name)).map(o -> (HasMetadata) o).toList();
    }
}
