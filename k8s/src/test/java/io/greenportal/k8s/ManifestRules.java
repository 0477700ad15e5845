package io.greenportal.k8s;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The hardening rules every rendered overlay must meet. Each check returns readable violations
 * rather than failing at the first, so a test can assert on a deliberately bad manifest too.
 */
final class ManifestRules {

    /** Core objects bound strictly, CRs kept as trees; binding errors are violations too. */
    record Rendered(List<HasMetadata> core, List<JsonNode> custom, List<String> violations) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return core.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private ManifestRules() {
    }

    static Rendered bind(List<JsonNode> docs) {
        List<HasMetadata> core = new ArrayList<>();
        List<JsonNode> custom = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (JsonNode doc : docs) {
            String id = StrictModel.key(doc) + " " + doc.path("metadata").path("name").asText();
            if (StrictModel.isCore(doc)) {
                try {
                    core.add(StrictModel.bind(doc));
                } catch (IllegalArgumentException e) {
                    violations.add(id + ": " + e.getMessage());
                }
            } else {
                custom.add(doc);
            }
        }
        return new Rendered(core, custom, violations);
    }

    static List<String> check(Rendered r) {
        List<String> v = new ArrayList<>(r.violations());
        Map<String, ConfigMap> configMaps = new HashMap<>();
        r.all(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(), c));
        Set<String> accounts = new HashSet<>();
        r.all(ServiceAccount.class).forEach(a -> accounts.add(a.getMetadata().getName()));
        for (Deployment d : r.all(Deployment.class)) {
            checkDeployment(d, configMaps, accounts, v);
        }
        for (Service s : r.all(Service.class)) {
            checkService(s, r.all(Deployment.class), v);
        }
        return v;
    }

    private static void checkDeployment(Deployment d, Map<String, ConfigMap> configMaps, Set<String> accounts,
            List<String> v) {
        String id = "Deployment " + d.getMetadata().getName();
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        if (!Boolean.TRUE.equals(pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsNonRoot())) {
            v.add(id + ": pod securityContext.runAsNonRoot must be true");
        }
        if (pod.getSecurityContext() != null && Objects.equals(pod.getSecurityContext().getRunAsUser(), 0L)) {
            v.add(id + ": runs as uid 0");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            v.add(id + ": automountServiceAccountToken must be false (no app talks to the API server)");
        }
        if (pod.getServiceAccountName() == null || !accounts.contains(pod.getServiceAccountName())) {
            v.add(id + ": needs its own ServiceAccount (found " + pod.getServiceAccountName() + ")");
        }
        if (pod.getTopologySpreadConstraints() == null || pod.getTopologySpreadConstraints().isEmpty()) {
            v.add(id + ": no topologySpreadConstraints");
        }
        Set<String> emptyDirs = new HashSet<>();
        if (pod.getVolumes() != null) {
            pod.getVolumes().stream().filter(vol -> vol.getEmptyDir() != null).forEach(vol -> emptyDirs.add(vol.getName()));
        }
        for (Container c : pod.getContainers()) {
            String cid = id + " container " + c.getName();
            checkResources(c, cid, v);
            checkProbes(c, cid, v);
            var sc = c.getSecurityContext();
            if (sc == null) {
                v.add(cid + ": no securityContext");
                continue;
            }
            if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                v.add(cid + ": readOnlyRootFilesystem must be true");
            }
            if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                v.add(cid + ": allowPrivilegeEscalation must be false");
            }
            if (Objects.equals(sc.getRunAsUser(), 0L) || Boolean.FALSE.equals(sc.getRunAsNonRoot())) {
                v.add(cid + ": runs as root");
            }
            if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                    || !sc.getCapabilities().getDrop().contains("ALL")) {
                v.add(cid + ": must drop ALL capabilities");
            }
            if (sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null
                    && !sc.getCapabilities().getAdd().isEmpty()) {
                v.add(cid + ": adds capabilities " + sc.getCapabilities().getAdd());
            }
            boolean tmp = c.getVolumeMounts() != null && c.getVolumeMounts().stream()
                    .anyMatch(m -> m.getMountPath().equals("/tmp") && emptyDirs.contains(m.getName()));
            if (!tmp) {
                v.add(cid + ": needs an emptyDir mounted at /tmp (the root filesystem is read-only)");
            }
            checkEnvRefs(c, configMaps, cid, v);
            checkShutdown(pod, c, configMaps, cid, v);
        }
    }

    private static void checkResources(Container c, String cid, List<String> v) {
        var res = c.getResources();
        for (String kind : List.of("requests", "limits")) {
            Map<String, Quantity> m = res == null ? null : kind.equals("requests") ? res.getRequests() : res.getLimits();
            for (String r : List.of("cpu", "memory")) {
                if (m == null || !m.containsKey(r)) {
                    v.add(cid + ": missing resources." + kind + "." + r);
                }
            }
        }
    }

    private static void checkProbes(Container c, String cid, List<String> v) {
        Set<String> portNames = new HashSet<>();
        Set<Integer> portNumbers = new HashSet<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                if (p.getName() != null) {
                    portNames.add(p.getName());
                }
                portNumbers.add(p.getContainerPort());
            }
        }
        Map<String, Probe> probes = new HashMap<>();
        probes.put("startupProbe", c.getStartupProbe());
        probes.put("livenessProbe", c.getLivenessProbe());
        probes.put("readinessProbe", c.getReadinessProbe());
        probes.forEach((name, probe) -> {
            if (probe == null) {
                v.add(cid + ": missing " + name);
                return;
            }
            IntOrString port = null;
            if (probe.getHttpGet() != null) {
                port = probe.getHttpGet().getPort();
                String path = probe.getHttpGet().getPath();
                if (path == null || !path.startsWith("/actuator/health/")) {
                    v.add(cid + ": " + name + " should use an actuator health group, not " + path);
                }
            } else if (probe.getGrpc() != null) {
                port = new IntOrString(probe.getGrpc().getPort());
            } else {
                v.add(cid + ": " + name + " must be an HTTP (actuator) or gRPC health probe");
            }
            if (port != null && !(port.getStrVal() != null ? portNames.contains(port.getStrVal())
                    : portNumbers.contains(port.getIntVal()))) {
                v.add(cid + ": " + name + " probes port " + show(port) + " that the container does not declare");
            }
        });
    }

    private static void checkEnvRefs(Container c, Map<String, ConfigMap> configMaps, String cid, List<String> v) {
        if (c.getEnvFrom() != null) {
            c.getEnvFrom().stream().filter(e -> e.getConfigMapRef() != null)
                    .map(e -> e.getConfigMapRef().getName())
                    .filter(n -> !configMaps.containsKey(n))
                    .forEach(n -> v.add(cid + ": envFrom ConfigMap " + n + " is not in the render"));
        }
        if (c.getEnv() != null) {
            c.getEnv().stream().filter(e -> e.getValue() != null && looksSecret(e.getName()))
                    .forEach(e -> v.add(cid + ": " + e.getName() + " is inlined; reference a Secret"));
        }
    }

    static String show(IntOrString p) {
        return p.getStrVal() != null ? p.getStrVal() : String.valueOf(p.getIntVal());
    }

    static boolean looksSecret(String name) {
        return name.contains("PASSWORD") || name.contains("SECRET") || name.contains("TOKEN");
    }

    /** Grace period covers the preStop drain plus Spring's shutdown phase. */
    private static void checkShutdown(PodSpec pod, Container c, Map<String, ConfigMap> configMaps, String cid,
            List<String> v) {
        long drain = 0;
        if (c.getLifecycle() != null && c.getLifecycle().getPreStop() != null
                && c.getLifecycle().getPreStop().getSleep() != null) {
            drain = c.getLifecycle().getPreStop().getSleep().getSeconds();
        }
        if (drain < 5) {
            v.add(cid + ": needs a preStop sleep so endpoints and the load balancer drain before shutdown");
        }
        long shutdown = 30; // Spring's default per-phase timeout
        if (c.getEnvFrom() != null) {
            for (var from : c.getEnvFrom()) {
                ConfigMap cm = from.getConfigMapRef() == null ? null : configMaps.get(from.getConfigMapRef().getName());
                String t = cm == null || cm.getData() == null ? null : cm.getData().get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE");
                if (t != null) {
                    shutdown = Duration.parse("PT" + t.toUpperCase()).toSeconds();
                }
            }
        }
        long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
        if (grace < drain + shutdown + 5) {
            v.add(cid + ": terminationGracePeriodSeconds " + grace + " < preStop " + drain + "s + shutdown " + shutdown
                    + "s + 5s");
        }
    }

    private static void checkService(Service s, List<Deployment> deployments, List<String> v) {
        String id = "Service " + s.getMetadata().getName();
        Map<String, String> selector = s.getSpec().getSelector();
        List<Deployment> backing = deployments.stream().filter(d -> selector != null
                && d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        if (backing.isEmpty()) {
            v.add(id + ": selects no Deployment");
            return;
        }
        for (Deployment d : backing) {
            List<ContainerPort> ports = d.getSpec().getTemplate().getSpec().getContainers().stream()
                    .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.empty() : c.getPorts().stream()).toList();
            for (ServicePort sp : s.getSpec().getPorts()) {
                if (sp.getName() == null || sp.getName().isBlank()) {
                    v.add(id + ": port " + sp.getPort() + " has no name");
                }
                IntOrString target = sp.getTargetPort() == null ? new IntOrString(sp.getPort()) : sp.getTargetPort();
                var match = ports.stream().filter(p -> target.getStrVal() != null ? target.getStrVal().equals(p.getName())
                        : target.getIntVal().equals(p.getContainerPort())).findFirst();
                if (match.isEmpty()) {
                    v.add(id + ": targetPort " + show(target) + " matches no container port of " + d.getMetadata().getName());
                } else if (!Objects.equals(match.get().getName(), sp.getName())) {
                    v.add(id + ": port " + sp.getName() + " points at container port " + match.get().getName());
                }
            }
            for (ContainerPort p : ports) {
                boolean exposed = s.getSpec().getPorts().stream().anyMatch(sp -> p.getName() != null
                        && (p.getName().equals(sp.getTargetPort() == null ? null : sp.getTargetPort().getStrVal())
                                || Objects.equals(p.getContainerPort(), sp.getTargetPort() == null ? null : sp.getTargetPort().getIntVal())));
                if (!exposed) {
                    v.add(id + ": container port " + p.getName() + " of " + d.getMetadata().getName() + " is not exposed");
                }
            }
        }
    }
}
