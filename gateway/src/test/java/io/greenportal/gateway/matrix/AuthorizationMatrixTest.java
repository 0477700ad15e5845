package io.greenportal.gateway.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.greenportal.gateway.support.PortalClient;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;

/**
 * Drives authorization-matrix.csv through the running gateway with real Keycloak tokens and fails
 * on any difference; and fails when a service exposes an endpoint the table does not list.
 */
class AuthorizationMatrixTest {

    static final List<String> SERVICES = List.of("registry", "certification", "incentive", "publicity");
    static final PortalClient portal = new PortalClient();
    static Fixtures fixtures;

    record Row(int line, String method, String path, String body, List<String> callers, List<String> expected) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void prepare() {
        fixtures = new Fixtures(portal);
    }

    static List<Row> rows() {
        try {
            List<String> lines = new ClassPathResource("authorization-matrix.csv").getContentAsString(StandardCharsets.UTF_8)
                    .lines().toList();
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = split(line);
                if (header == null) {
                    header = cells.subList(3, cells.size());
                    continue;
                }
                if (cells.size() != header.size() + 3) {
                    throw new IllegalStateException("authorization-matrix.csv line " + (i + 1) + " has " + cells.size()
                            + " cells, expected " + (header.size() + 3));
                }
                rows.add(new Row(i + 1, cells.get(0), cells.get(1), cells.get(2), header,
                        cells.subList(3, cells.size())));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits on commas outside a JSON body ({...} may hold commas). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        int depth = 0;
        StringBuilder cell = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == ',' && depth == 0) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
                continue;
            }
            depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
            cell.append(c);
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    static Stream<Row> table() {
        return rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyCallerGetsWhatTheTableSays(Row row) {
        String path = fixtures.resolve(row.path());
        List<String> differences = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < row.callers().size(); i++) {
            String caller = row.callers().get(i);
            var response = send(caller, row.method(), path, row.body());
            actual.add(Integer.toString(response.statusCode()));
            if (!Integer.toString(response.statusCode()).equals(row.expected().get(i))) {
                differences.add(caller + ": expected " + row.expected().get(i) + ", got " + response.statusCode() + " "
                        + abbreviate(response.body()));
            }
        }
        assertThat(differences).as("line %d: %s %s (observed: %s,%s,%s,%s)", row.line(), row.method(), path, row.method(),
                row.path(), row.body(), String.join(",", actual)).isEmpty();
    }

    static java.net.http.HttpResponse<String> send(String caller, String method, String path, String body) {
        if (body.equals("-")) {
            boolean get = method.equals("GET");
            return portal.send(caller, method, path, get ? null : "application/json", get ? null : new byte[0]);
        }
        if (body.startsWith("multipart:")) {
            String boundary = "matrix-boundary";
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + body.substring(10)
                    + "\"; filename=\"matrix.csv\"\r\nContent-Type: text/csv\r\n\r\nnot,a,list\n\r\n--" + boundary + "--\r\n";
            return portal.send(caller, method, path, "multipart/form-data; boundary=" + boundary,
                    part.getBytes(StandardCharsets.UTF_8));
        }
        return portal.send(caller, method, path, body);
    }

    @Test
    void theTableListsEveryEndpointTheServicesExpose() {
        Set<String> listed = new TreeSet<>();
        rows().forEach(r -> listed.add(r.method() + " " + normalize(r.path())));
        Set<String> exposed = new TreeSet<>();
        for (String service : SERVICES) {
            JsonNode paths = portal.getJson("anonymous", "/v3/api-docs/" + service).get("paths");
            paths.propertyNames().forEach(path -> paths.get(path).propertyNames().forEach(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    exposed.add(method.toUpperCase() + " " + normalize(path));
                }
            }));
        }
        Set<String> missing = new TreeSet<>(exposed);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(exposed);
        assertThat(missing).as("endpoints missing from authorization-matrix.csv").isEmpty();
        assertThat(stale).as("rows in authorization-matrix.csv for endpoints no service exposes").isEmpty();
    }

    static String normalize(String path) {
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).replaceAll("\\{[^}]*}", "{}");
    }

    static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
