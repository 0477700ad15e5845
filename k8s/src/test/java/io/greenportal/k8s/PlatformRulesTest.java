package io.greenportal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.ConfigMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay meets the rules of issue 18; ProdNegativeTest shows each rule catches its defect. */
class PlatformRulesTest {

    static final List<String> OVERLAYS = List.of("dev", "prod", "prod-shanxi");
    static final List<String> PROD = List.of("prod", "prod-shanxi");

    static List<String> overlays() {
        return OVERLAYS;
    }

    static List<String> prods() {
        return PROD;
    }

    static Map<String, String> configFiles(ManifestRules.Rendered r) {
        Map<String, String> files = new HashMap<>();
        for (ConfigMap c : r.all(ConfigMap.class)) {
            if (c.getData() != null) {
                c.getData().values().stream().findFirst().ifPresent(text -> files.put(c.getMetadata().getName(), text));
            }
        }
        return files;
    }

    static final Map<String, Function<ManifestRules.Rendered, List<String>>> EVERY_OVERLAY = Map.of(
            "hardening", ManifestRules::check,
            "standard labels", PlatformRules::standardLabels,
            "topology spread", PlatformRules::topologySpread,
            "JVM ergonomics", PlatformRules::jvmErgonomics,
            "Pod Security restricted", PlatformRules::podSecurityRestricted,
            "management port", PlatformRules::managementPort,
            "province", ReleaseRules::province,
            "connection budget", ConnectionBudget::check,
            "index replicas", ReleaseRules::indexReplicas,
            "redis memory", r -> PlatformRules.redisMemory(r, configFiles(r)));

    static final Map<String, Function<ManifestRules.Rendered, List<String>>> PROD_ONLY = Map.of(
            "operator namespaces", PlatformRules::operatorNamespaces,
            "ingress routes", PlatformRules::ingressRoutes,
            "body limits", ReleaseRules::bodyLimits,
            "images by digest", ReleaseRules::imagesByDigest,
            "role secrets reload", r -> ReleaseRules.roleSecretsReload(r, Repo.read(Repo.K8S.resolve("README.md"))),
            "alerts", ReleaseRules::alerts,
            "publicity day", ReleaseRules::publicityDay);

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlay(String overlay) {
        var r = OverlayTest.render(overlay);
        EVERY_OVERLAY.forEach((name, rule) -> assertThat(rule.apply(r)).as("%s: %s", overlay, name).isEmpty());
        System.out.println(overlay + " connection budget:");
        ConnectionBudget.of(r).lines().forEach(l -> System.out.println("  " + l));
    }

    @ParameterizedTest
    @MethodSource("prods")
    void everyProvincialInstallation(String overlay) {
        var r = OverlayTest.render(overlay);
        PROD_ONLY.forEach((name, rule) -> assertThat(rule.apply(r)).as("%s: %s", overlay, name).isEmpty());
    }

    /** Two provinces are two installations: their own namespace, host, province code and instance label. */
    @Test
    void provincesDoNotShareAnything() {
        var a = OverlayTest.render("prod");
        var b = OverlayTest.render("prod-shanxi");
        Function<ManifestRules.Rendered, String> ns = r -> r.all(io.fabric8.kubernetes.api.model.Namespace.class).get(0).getMetadata().getName();
        Function<ManifestRules.Rendered, String> province = r -> Rendered.env(r, Rendered.deployment(r, "registry-service").orElseThrow())
                .get("GP_PROVINCE_CODE");
        Function<ManifestRules.Rendered, String> host = r -> r.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).get(0)
                .getSpec().getRules().get(0).getHost();
        assertThat(ns.apply(a)).isNotEqualTo(ns.apply(b));
        assertThat(province.apply(a)).isEqualTo("640000");
        assertThat(province.apply(b)).isEqualTo("140000");
        assertThat(host.apply(a)).isNotEqualTo(host.apply(b));
    }
}
