package io.greenportal.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.Role;

/** Rules about what an installation is set to: province, limits, images, index replicas, budgets, alerts. */
final class ReleaseRules {

    static final Set<String> PROVINCE_READERS = Set.of("registry-service", "certification-service");

    private ReleaseRules() {
    }

    /** One province per installation: set explicitly, a province-level GB/T 2260 code, the same for every reader. */
    static List<String> province(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            if (!PROVINCE_READERS.contains(d.getMetadata().getName())) {
                continue;
            }
            String code = Rendered.env(r, d).get("GP_PROVINCE_CODE");
            if (code == null) {
                v.add("Deployment " + d.getMetadata().getName() + ": GP_PROVINCE_CODE unset (the app would fall back to 640000)");
            } else if (!code.matches("[1-9]\\d0000")) {
                v.add("Deployment " + d.getMetadata().getName() + ": GP_PROVINCE_CODE " + code + " is not a province code");
            } else {
                codes.add(code);
            }
        }
        if (codes.size() > 1) {
            v.add("GP_PROVINCE_CODE differs between services: " + codes);
        }
        return v;
    }

    /** Ingress body limit >= gateway max-upload-size >= certification's multipart request limit. */
    static List<String> bodyLimits(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        String gatewayYml = Repo.read(Repo.ROOT.resolve("gateway/src/main/resources/application.yml"));
        String certYml = Repo.read(Repo.ROOT.resolve("certification-service/src/main/resources/application.yml"));
        long gateway = bytes(find(gatewayYml, "max-upload-size:\\s*(\\S+)"));
        String certSetting = find(certYml, "max-request-size:\\s*\\$\\{GP_CERTIFICATION_MAX_REQUEST:(\\S+)}");
        var cert = Rendered.deployment(r, "certification-service");
        if (cert.isPresent()) {
            certSetting = Rendered.env(r, cert.get()).getOrDefault("GP_CERTIFICATION_MAX_REQUEST", certSetting);
        }
        long certification = bytes(certSetting);
        if (gateway < certification) {
            v.add("gateway max-upload-size " + gateway + " < certification's multipart limit " + certification);
        }
        for (Ingress in : r.all(Ingress.class)) {
            String size = in.getMetadata().getAnnotations() == null ? null
                    : in.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size");
            long ingress = size == null ? bytes("1m") : bytes(size); // ingress-nginx's default is 1m
            if (ingress < gateway) {
                v.add("Ingress " + in.getMetadata().getName() + " proxy-body-size " + size + " (" + ingress
                        + " bytes) < the gateway's max-upload-size (" + gateway + " bytes): nginx's 413 hides the portal's answer");
            }
        }
        return v;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found in the application's configuration: " + regex);
        }
        return m.group(1);
    }

    /** Spring DataSize ("25MB" = 25 MiB) and nginx sizes ("25m" = 25 MiB). */
    static long bytes(String size) {
        Matcher m = Pattern.compile("(?i)(\\d+)\\s*(k|kb|m|mb|g|gb|b)?").matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("size " + size);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase();
        return switch (unit.charAt(0)) {
            case 'k' -> n << 10;
            case 'm' -> n << 20;
            case 'g' -> n << 30;
            default -> n;
        };
    }

    /** Prod runs exactly the images it was tested with: the portal's images by digest. */
    static List<String> imagesByDigest(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            String image = Rendered.app(d).getImage();
            if (!image.matches("[^@]+@sha256:[0-9a-f]{64}")) {
                v.add("Deployment " + d.getMetadata().getName() + ": image " + image + " is not pinned by digest");
            }
        }
        return v;
    }

    /** The public index survives a node: one replica when Elasticsearch has more than one node. */
    static List<String> indexReplicas(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        int nodes = 0;
        for (JsonNode es : Rendered.kind(r, "Elasticsearch")) {
            for (JsonNode set : es.at("/spec/nodeSets")) {
                nodes += set.path("count").asInt();
            }
        }
        var publicity = Rendered.deployment(r, "publicity-service");
        int replicas = publicity.map(d -> Integer.parseInt(Rendered.env(r, d).getOrDefault("GP_ES_REPLICAS", "0"))).orElse(0);
        if (nodes > 1 && replicas < 1) {
            v.add("publicity-service: GP_ES_REPLICAS " + replicas + " on " + nodes + " Elasticsearch nodes: a drained node turns search red");
        }
        if (replicas > nodes - 1) {
            v.add("publicity-service: GP_ES_REPLICAS " + replicas + " cannot be placed on " + nodes + " node(s)");
        }
        return v;
    }

    /** CloudNativePG role Secrets carry cnpg.io/reload (rendered ones here; out-of-band ones in the README's commands). */
    static List<String> roleSecretsReload(ManifestRules.Rendered r, String readme) {
        List<String> v = new ArrayList<>();
        Set<String> roleSecrets = new TreeSet<>();
        for (JsonNode c : Rendered.kind(r, "Cluster")) {
            c.at("/spec/managed/roles").forEach(role -> roleSecrets.add(role.at("/passwordSecret/name").asText()));
        }
        for (Secret s : r.all(Secret.class)) {
            if (roleSecrets.contains(s.getMetadata().getName()) && (s.getMetadata().getLabels() == null
                    || !"true".equals(s.getMetadata().getLabels().get("cnpg.io/reload")))) {
                v.add("Secret " + s.getMetadata().getName() + ": a CloudNativePG role password without label cnpg.io/reload=true");
            }
        }
        if (!readme.contains("cnpg.io/reload=true")) {
            v.add("k8s/README.md: the role Secret commands do not label them cnpg.io/reload=true");
        }
        return v;
    }

    /** The SLO and budget alerts exist. */
    static List<String> alerts(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        String all = Rendered.kind(r, "PrometheusRule").toString();
        Map<String, String> needed = Map.of("5xx error rate", "status=~\\\"5..\\\"",
                "p99 of public search", "http_server_requests_seconds_bucket{service=\\\"publicity-service\\\", uri=\\\"/api/v1/public/listings\\\"}",
                "change-feed lag", "cnpg_greenportal_publicity_feed_last_sequence", "webhook backlog", "cnpg_greenportal_webhooks_overdue",
                "PostgreSQL connections near max", "cnpg_backends_total", "Redis memory near maxmemory", "redis_memory_max_bytes");
        needed.forEach((what, expr) -> {
            if (!all.contains(expr)) {
                v.add("no alert on " + what + " (" + expr + ")");
            }
        });
        if (Rendered.kind(r, "ServiceMonitor").stream().noneMatch(s -> s.at("/spec/endpoints/0/port").asText().equals("management"))) {
            v.add("no ServiceMonitor scrapes the applications' management port");
        }
        return v;
    }

    /** Pre-scaling patches HPAs that exist, within their maxima, with a Role limited to them. */
    static List<String> publicityDay(ManifestRules.Rendered r) {
        List<String> v = new ArrayList<>();
        Map<String, Integer> max = new java.util.HashMap<>();
        r.all(HorizontalPodAutoscaler.class).forEach(h -> max.put(h.getMetadata().getName(), h.getSpec().getMaxReplicas()));
        List<CronJob> jobs = r.all(CronJob.class);
        if (jobs.isEmpty()) {
            v.add("no publicity-day pre-scaling CronJob");
        }
        for (CronJob c : jobs) {
            List<String> args = c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
            Matcher m = Pattern.compile("\"minReplicas\":(\\d+)").matcher(String.join(" ", args));
            int floor = m.find() ? Integer.parseInt(m.group(1)) : -1;
            for (String target : args.subList(2, args.indexOf("--type=merge"))) {
                if (!max.containsKey(target)) {
                    v.add("CronJob " + c.getMetadata().getName() + ": patches HPA " + target + ", which does not exist");
                } else if (floor > max.get(target)) {
                    v.add("CronJob " + c.getMetadata().getName() + ": minReplicas " + floor + " above " + target + "'s maximum " + max.get(target));
                }
            }
        }
        for (Role role : r.all(Role.class)) {
            role.getRules().forEach(rule -> {
                if (rule.getResourceNames() == null || rule.getResourceNames().isEmpty() || rule.getVerbs().stream()
                        .anyMatch(verb -> !Set.of("get", "patch").contains(verb)) || rule.getResources().contains("*")) {
                    v.add("Role " + role.getMetadata().getName() + ": more than get/patch on named HPAs: " + rule);
                }
            });
        }
        return v;
    }
}
