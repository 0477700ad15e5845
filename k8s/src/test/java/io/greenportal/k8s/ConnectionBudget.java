package io.greenportal.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * PostgreSQL connections of a rendered overlay, added up the way they can all be open at once:
 * every application at its HPA maximum with its whole Hikari pool (GP_DB_POOL, the apps' default
 * 10 when unset) plus the connections it opens outside the pool, Keycloak at
 * instances x db.poolMaxSize (its default, 100, when unset). Applications whose GP_PG_HOST is the
 * Pooler are its clients; the others and Keycloak connect to the primary directly. An application
 * with {@code GP_PG_LISTEN_URL} opens one more connection per pod for LISTEN, which must go to the
 * primary: through PgBouncer in transaction mode a LISTEN receives nothing.
 * <ul>
 * <li>clients of the Pooler &le; max_client_conn of one PgBouncer instance (any one instance can
 * take every client when the others are gone);</li>
 * <li>server connections: default_pool_size x pooled databases x Pooler instances, plus the direct
 * connections, plus headroom (superuser_reserved_connections and {@value #OPERATOR_HEADROOM} for
 * the operator's instance manager, the exporter, backups and a person with psql) &le;
 * max_connections.</li>
 * </ul>
 */
final class ConnectionBudget {

    static final int APP_DEFAULT_POOL = 10;       // ${GP_DB_POOL:10} in every service's application.yml
    static final int KEYCLOAK_DEFAULT_POOL = 100; // Keycloak's db-pool-max-size default
    static final int OPERATOR_HEADROOM = 20;
    /** Connections an application opens outside its Hikari pool, per pod. */
    static final Map<String, Integer> OUTSIDE_THE_POOL = Map.of(
            "publicity-service", 1); // FeedLeadership: DriverManager connection holding the advisory lock

    record Budget(int pooledClients, int maxClientConn, int poolerServer, int direct, int keycloak, int headroom,
            int maxConnections, String poolMode, List<String> lines) {

        int server() {
            return poolerServer + direct + keycloak + headroom;
        }
    }

    private ConnectionBudget() {
    }

    /** The host of {@code jdbc:postgresql://host:port/database}. */
    static String hostOf(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        return rest.split("[:/?]", 2)[0];
    }

    static Budget of(ManifestRules.Rendered r) {
        JsonNode cluster = Rendered.one(r, "Cluster").orElseThrow();
        String rw = cluster.at("/metadata/name").asText() + "-rw";
        JsonNode pooler = Rendered.kind(r, "Pooler").stream().filter(p -> p.at("/spec/type").asText("rw").equals("rw"))
                .findFirst().orElse(null);
        String poolerHost = pooler == null ? null : pooler.at("/metadata/name").asText();
        List<String> lines = new ArrayList<>();
        int pooled = 0;
        int direct = 0;
        Set<String> pooledDatabases = new TreeSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            Map<String, String> env = Rendered.env(r, d);
            String host = env.get("GP_PG_HOST");
            if (host == null) {
                continue;
            }
            String name = d.getMetadata().getName();
            int pods = Rendered.maxPods(r, d);
            int pool = Integer.parseInt(env.getOrDefault("GP_DB_POOL", String.valueOf(APP_DEFAULT_POOL)));
            int extra = OUTSIDE_THE_POOL.getOrDefault(name, 0);
            int total = pods * (pool + extra);
            String database = env.entrySet().stream().filter(e -> e.getKey().matches("GP_[A-Z]+_DB")).map(Map.Entry::getValue)
                    .findFirst().orElse("?");
            String listen = env.get("GP_PG_LISTEN_URL");
            if (listen != null && !listen.isBlank()) {
                String listenHost = hostOf(listen);
                direct += pods;
                lines.add(String.format("%s: %d pods x 1 LISTEN connection = %d direct", name, pods, pods));
                if (!rw.equals(listenHost)) {
                    lines.add(name + ": GP_PG_LISTEN_URL names " + listenHost + ", not " + rw
                            + ": a LISTEN through PgBouncer receives nothing");
                }
            }
            if (host.equals(poolerHost)) {
                pooled += total;
                pooledDatabases.add(database);
                lines.add(String.format("%s: %d pods x (%d pool + %d) = %d via PgBouncer (database %s)", name, pods, pool, extra, total, database));
            } else if (host.equals(rw)) {
                direct += total;
                lines.add(String.format("%s: %d pods x (%d pool + %d) = %d direct", name, pods, pool, extra, total));
            } else {
                lines.add(name + ": GP_PG_HOST " + host + " is neither " + rw + " nor the Pooler");
                direct += total;
            }
        }
        JsonNode kc = Rendered.one(r, "Keycloak").orElseThrow();
        int keycloak = kc.at("/spec/instances").asInt(1) * kc.at("/spec/db/poolMaxSize").asInt(KEYCLOAK_DEFAULT_POOL);
        lines.add("keycloak: " + kc.at("/spec/instances").asInt(1) + " x " + kc.at("/spec/db/poolMaxSize").asInt(KEYCLOAK_DEFAULT_POOL)
                + " = " + keycloak + " direct");
        JsonNode params = cluster.at("/spec/postgresql/parameters");
        int maxConnections = Integer.parseInt(params.path("max_connections").asText("100"));
        int reserved = Integer.parseInt(params.path("superuser_reserved_connections").asText("3"));
        int poolerServer = 0;
        int maxClientConn = 0;
        String mode = "none";
        if (pooler != null) {
            JsonNode pg = pooler.at("/spec/pgbouncer");
            int instances = pooler.at("/spec/instances").asInt(1);
            int poolSize = Integer.parseInt(pg.at("/parameters/default_pool_size").asText("20"));
            maxClientConn = Integer.parseInt(pg.at("/parameters/max_client_conn").asText("100"));
            mode = pg.path("poolMode").asText("session");
            poolerServer = poolSize * pooledDatabases.size() * instances;
            lines.add("PgBouncer: " + poolSize + " x " + pooledDatabases.size() + " databases x " + instances + " instances = "
                    + poolerServer + " server connections (" + mode + " pooling), max_client_conn " + maxClientConn);
        }
        Budget b = new Budget(pooled, maxClientConn, poolerServer, direct, keycloak, reserved + OPERATOR_HEADROOM,
                maxConnections, mode, lines);
        lines.add("server side: " + poolerServer + " + " + direct + " + " + keycloak + " + headroom " + b.headroom() + " = "
                + b.server() + " of max_connections " + maxConnections);
        return b;
    }

    static List<String> check(ManifestRules.Rendered r) {
        Budget b = of(r);
        List<String> v = new ArrayList<>();
        b.lines().stream().filter(l -> l.contains("is neither") || l.contains("receives nothing")).forEach(v::add);
        if (b.pooledClients() > 0 && !b.poolMode().equals("transaction")) {
            v.add("the Pooler's poolMode is " + b.poolMode() + ": only transaction pooling shares server connections");
        }
        if (b.pooledClients() > b.maxClientConn()) {
            v.add("PgBouncer clients " + b.pooledClients() + " > max_client_conn " + b.maxClientConn());
        }
        if (b.server() > b.maxConnections()) {
            v.add("server connections " + b.server() + " (with headroom) > max_connections " + b.maxConnections() + ": " + b.lines());
        }
        return v;
    }
}
