package io.greenportal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.greenportal.k8s.NetworkFlows.Endpoint;

/** The prod policies allow exactly the portal's real flows (both ends) and refuse the rest. */
class NetworkPolicyTest {

    static final String NS = "greenportal";
    static final Endpoint INGRESS = Endpoint.pod("ingress-nginx", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Endpoint GATEWAY = app("gateway");
    static final Endpoint REGISTRY = app("registry-service");
    static final Endpoint CERTIFICATION = app("certification-service");
    static final Endpoint INCENTIVE = app("incentive-service");
    static final Endpoint PUBLICITY = app("publicity-service");
    static final Endpoint SITE = app("public-site");
    static final Endpoint KEYCLOAK = Endpoint.pod("keycloak", NS, Map.of("app", "keycloak",
            "app.kubernetes.io/instance", "greenportal-kc", "app.kubernetes.io/managed-by", "keycloak-operator"));
    static final Endpoint PG = Endpoint.pod("postgres", NS, Map.of("cnpg.io/cluster", "greenportal-pg"));
    static final Endpoint POOLER = Endpoint.pod("pgbouncer", NS, Map.of("cnpg.io/poolerName", "greenportal-pg-pooler-rw"));
    static final Endpoint REALM_IMPORT = Endpoint.pod("realm import job", NS, Map.of("app", "keycloak-realm-import",
            "app.kubernetes.io/instance", "greenportal-kc", "app.kubernetes.io/managed-by", "keycloak-operator"));
    static final Endpoint KC_OPERATOR = Endpoint.pod("keycloak-operator", NS, Map.of("app.kubernetes.io/name", "keycloak-operator",
            "app.kubernetes.io/managed-by", "quarkus"));
    static final Endpoint PROMETHEUS = Endpoint.pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    static final Endpoint CNPG = Endpoint.pod("cnpg operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
    static final Endpoint ECK = Endpoint.pod("eck operator", "elastic-system", Map.of("control-plane", "elastic-operator"));
    static final Endpoint REDIS_OPERATOR = Endpoint.pod("redis-operator", "ot-operators", Map.of("name", "redis-operator"));
    static final Endpoint REDIS_OPERATOR_WRONG_NS = Endpoint.pod("redis-operator elsewhere", "redis-operator", Map.of("name", "redis-operator"));
    static final Endpoint API_SERVER = Endpoint.outside("the Kubernetes API", "10.96.0.1");
    static final Endpoint ES = Endpoint.pod("elasticsearch", NS, Map.of("elasticsearch.k8s.elastic.co/cluster-name", "greenportal"));
    static final Endpoint REDIS = Endpoint.pod("redis", NS, Map.of("app", "greenportal-redis"));
    static final Endpoint SENTINEL = Endpoint.pod("sentinel", NS, Map.of("app", "greenportal-redis-sentinel"));
    static final Endpoint DNS = Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
    static final Endpoint BANK = Endpoint.outside("a bank's webhook", "203.0.113.10");
    static final Endpoint PRIVATE = Endpoint.outside("an address on the provincial LAN", "10.20.30.40");

    static NetworkFlows flows;

    static Endpoint app(String name) {
        return Endpoint.pod(name, NS, Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/part-of", "greenportal"));
    }

    @BeforeAll
    static void render() {
        List<NetworkPolicy> policies = OverlayTest.render("prod").all(NetworkPolicy.class);
        flows = new NetworkFlows(policies, NS);
    }

    @Test
    void realFlowsAreAllowed() {
        assertAllowed(INGRESS, GATEWAY, 8080);
        for (Endpoint s : List.of(REGISTRY, CERTIFICATION, INCENTIVE, PUBLICITY)) {
            assertAllowed(GATEWAY, s, 8080);
        }
        for (Endpoint s : List.of(CERTIFICATION, INCENTIVE, PUBLICITY)) {
            assertAllowed(s, REGISTRY, 9090);
        }
        assertAllowed(PUBLICITY, CERTIFICATION, 9090);
        // the public site: behind the gateway, reading publicity and filing objections with certification
        assertAllowed(GATEWAY, SITE, 8080);
        assertAllowed(SITE, PUBLICITY, 8080);
        assertAllowed(SITE, CERTIFICATION, 8080);
        assertAllowed(PROMETHEUS, SITE, 8090);
        assertThat(flows.allowed(SITE, DNS, 53, "UDP")).as("site -> DNS").isTrue();
        for (Endpoint a : List.of(GATEWAY, REGISTRY, CERTIFICATION, INCENTIVE, PUBLICITY)) {
            assertAllowed(a, KEYCLOAK, 8080);
            assertThat(flows.allowed(a, DNS, 53, "UDP")).as("%s -> DNS", a.name()).isTrue();
        }
        for (Endpoint s : List.of(REGISTRY, CERTIFICATION, INCENTIVE)) {
            assertAllowed(s, POOLER, 5432);
        }
        for (Endpoint s : List.of(POOLER, PUBLICITY, KEYCLOAK, REALM_IMPORT)) {
            assertAllowed(s, PG, 5432);
        }
        // monitoring: management ports and exporters
        for (Endpoint a : List.of(GATEWAY, REGISTRY, CERTIFICATION, INCENTIVE, PUBLICITY)) {
            assertAllowed(PROMETHEUS, a, 8090);
        }
        assertAllowed(PROMETHEUS, KEYCLOAK, 9000);
        assertAllowed(PROMETHEUS, PG, 9187);
        assertAllowed(PROMETHEUS, POOLER, 9127);
        assertAllowed(PROMETHEUS, REDIS, 9121);
        assertAllowed(PROMETHEUS, ES, 9200);
        // operators, in the namespaces their installs document
        assertAllowed(CNPG, PG, 8000);
        assertAllowed(ECK, ES, 9200);
        assertAllowed(REDIS_OPERATOR, REDIS, 6379);
        assertAllowed(REDIS_OPERATOR, SENTINEL, 26379);
        assertAllowed(KC_OPERATOR, API_SERVER, 443);
        assertAllowed(POOLER, API_SERVER, 443);
        for (Endpoint a : List.of(GATEWAY, CERTIFICATION, PUBLICITY)) {
            assertAllowed(a, SENTINEL, 26379);
            assertAllowed(a, REDIS, 6379);
        }
        assertAllowed(PUBLICITY, ES, 9200);
        assertAllowed(INCENTIVE, BANK, 443);
        assertAllowed(INGRESS, KEYCLOAK, 8080);
        // the data tier's own traffic
        assertAllowed(PG, PG, 5432);
        assertAllowed(ES, ES, 9300);
        assertAllowed(REDIS, REDIS, 6379);
        assertAllowed(SENTINEL, REDIS, 6379);
        assertAllowed(KEYCLOAK, KEYCLOAK, 7800);
    }

    @Test
    void everythingElseIsRefused() {
        assertRefused(INGRESS, REGISTRY, 8080);
        assertRefused(INGRESS, PUBLICITY, 8080);
        assertRefused(GATEWAY, PG, 5432);
        assertRefused(GATEWAY, REGISTRY, 9090);
        assertRefused(GATEWAY, ES, 9200);
        assertRefused(REGISTRY, CERTIFICATION, 9090);
        assertRefused(REGISTRY, REDIS, 6379);
        assertRefused(INCENTIVE, REDIS, 6379);
        assertRefused(INCENTIVE, PRIVATE, 443);
        assertRefused(PUBLICITY, BANK, 443);
        assertRefused(REGISTRY, BANK, 443);
        assertRefused(CERTIFICATION, ES, 9200);
        assertRefused(KEYCLOAK, REGISTRY, 8080);
        assertRefused(INCENTIVE, CERTIFICATION, 9090);
        // pooled applications reach PostgreSQL only through PgBouncer
        assertRefused(REGISTRY, PG, 5432);
        assertRefused(INCENTIVE, PG, 5432);
        assertRefused(GATEWAY, POOLER, 5432);
        // metrics only from the monitoring namespace, on the management port only
        assertRefused(INGRESS, GATEWAY, 8090);
        assertRefused(PROMETHEUS, GATEWAY, 8080);
        assertRefused(REDIS_OPERATOR_WRONG_NS, REDIS, 6379);
        // the public site holds no credentials and reaches nothing but the public API's two services
        assertRefused(INGRESS, SITE, 8080);
        assertRefused(SITE, REGISTRY, 8080);
        assertRefused(SITE, INCENTIVE, 8080);
        assertRefused(SITE, CERTIFICATION, 9090);
        assertRefused(SITE, PG, 5432);
        assertRefused(SITE, POOLER, 5432);
        assertRefused(SITE, ES, 9200);
        assertRefused(SITE, REDIS, 6379);
        assertRefused(SITE, KEYCLOAK, 8080);
        assertRefused(SITE, BANK, 443);
        assertRefused(PUBLICITY, SITE, 8080);
    }

    private static void assertAllowed(Endpoint from, Endpoint to, int port) {
        assertThat(flows.allowed(from, to, port, "TCP")).as("%s -> %s:%d should be allowed", from.name(), to.name(), port).isTrue();
    }

    private static void assertRefused(Endpoint from, Endpoint to, int port) {
        assertThat(flows.allowed(from, to, port, "TCP")).as("%s -> %s:%d should be refused", from.name(), to.name(), port).isFalse();
    }
}
