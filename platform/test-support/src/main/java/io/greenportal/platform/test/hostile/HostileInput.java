package io.greenportal.platform.test.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against every operation of a service's OpenAPI document, straight at the service
 * (no gateway in front): for every string field of every JSON body NUL, other control characters,
 * unpaired surrogates, non-characters, over-long text and the wrong type; for every number
 * non-finite, negative, out-of-range (10^15, beyond any amount, score or count) and wrongly typed
 * values; for booleans and dates numbers; duplicate keys, unknown fields and broken bodies; for
 * every query parameter and path variable control characters, invalid UTF-8, over-long and repeated
 * values, and for numeric ones also a negative number; for multipart uploads no boundary and a file
 * name with NUL; far-off years in dates (PostgreSQL keeps them as ±infinity), bodies sent as a
 * pattern type (such as {@code application/}{@code *}) or a form, empty items in list parameters, and an error asked for as
 * XML or with an Accept that does not parse (it must still be a problem naming the field); and what
 * Tomcat refuses before any servlet (HTTP/9.9, an unknown transfer coding, no Host or two).
 *
 * <p>It fails on any 5xx, any error that is not {@code application/problem+json} with a portal
 * {@code type}, any Java type name, stack or SQL in an answer, a body defect not answered 400 naming
 * the field (unless the caller's role may not call the operation at all: 401/403; for a number out of
 * range, unless the resource the path names does not exist: 404), and any change to
 * the database by a request that was refused. Each operation is called by the first of the given
 * callers whose role may call it (a probe with a well-formed body decides).
 */
public final class HostileInput {

    /** Java internals or database errors in an answer. */
    static final Pattern INTERNALS = Pattern.compile(
            "\\b(java|javax|jakarta|sun|org\\.springframework|org\\.postgresql|org\\.apache|tools\\.jackson|com\\.fasterxml|"
                    + "io\\.greenportal|com\\.zaxxer|io\\.grpc)\\.[a-zA-Z]|\\[L[a-zA-Z]|\\w@[0-9a-f]{5,8}\\b|Exception\\b|"
                    + "\\bat [a-z]+\\.[a-z]+\\.|SQLSTATE|\\bPSQL|ERROR: |Caused by");
    static final String PROBLEM_TYPE = "https://greenportal.io/problems/";
    static final String UNKNOWN_FIELD = "hostileUnknownField";
    static final String JSON_OR_PROBLEM = "application/json, application/problem+json";
    /** Forwarding headers that once made a service answer an empty 400 or a 500, or write links to "a b". */
    static final String[][] UNUSABLE_FORWARDING = {
        {"X-Forwarded-Prefix", "/../x"}, {"X-Forwarded-Prefix", "x"}, {"X-Forwarded-Prefix", "/a%zz"},
        {"X-Forwarded-Host", "a b"}, {"X-Forwarded-Port", "99999"}, {"X-Forwarded-Proto", "ftp"},
        {"Forwarded", "host=[::1"},
    };

    private final URI base;
    private final Map<String, String> callers;
    private final DatabaseFingerprint database;
    private final Predicate<String> skip;
    private final Function<String, String> pathValues;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private final List<String> failures = new ArrayList<>();
    private final List<String> notCallable = new ArrayList<>();
    private int calls;
    private int operations;

    /**
     * @param base       the service's own address, e.g. http://127.0.0.1:51234
     * @param callers    name → bearer token (null for anonymous), tried in this order
     * @param database   the service's database, to prove refused requests wrote nothing
     * @param skip       "METHOD /path/template" of operations left out (with the reason in the test)
     * @param pathValues path-variable name → a plausible value (ids, codes); null: a random UUID
     */
    public HostileInput(URI base, Map<String, String> callers, DatabaseFingerprint database, Predicate<String> skip,
            Function<String, String> pathValues) {
        this.base = base;
        this.callers = callers;
        this.database = database;
        this.skip = skip;
        this.pathValues = pathValues;
    }

    public record Result(int operations, int calls, List<String> failures, List<String> notCallable) {

        /**
         * Prints the coverage and fails unless at least {@code minimumOperations} were driven, with
         * more than 20 calls each on average, and nothing failed.
         */
        public void assertCleanOver(int minimumOperations) {
            System.out.println("hostile input: " + operations + " operations, " + calls + " calls; no caller may call: "
                    + notCallable);
            org.assertj.core.api.Assertions.assertThat(operations).as("operations").isGreaterThanOrEqualTo(minimumOperations);
            org.assertj.core.api.Assertions.assertThat(calls).as("calls").isGreaterThan(operations * 20);
            org.assertj.core.api.Assertions.assertThat(failures).as(describe(this)).isEmpty();
        }
    }

    public Result run() {
        JsonNode doc = get("/v3/api-docs");
        if (!doc.has("paths")) {
            throw new IllegalStateException("/v3/api-docs has no paths: " + abbreviate(doc.toString()));
        }
        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode paths = doc.get("paths");
        for (String template : paths.propertyNames()) {
            for (String method : paths.get(template).propertyNames()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase() + " " + template;
                if (skip.test(operation)) {
                    continue;
                }
                operations++;
                attack(new Operation(method.toUpperCase(), template, paths.get(template).get(method), schemas));
            }
        }
        wire();
        return new Result(operations, calls, List.copyOf(failures), List.copyOf(notCallable));
    }

    /**
     * What Tomcat refuses before any servlet runs: a 4xx problem each, never a 5xx for what the client
     * sent (Tomcat answers 505, 501 and 501 to the first three; web-edge's error valve makes them the
     * client's errors).
     */
    private void wire() {
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("GET /v3/api-docs HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 400);
        requests.put("POST /v3/api-docs HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\nabc",
                400);
        requests.put("CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\nConnection: close\r\n\r\n", 405);
        requests.put("GET /v3/api-docs HTTP/1.1\r\nConnection: close\r\n\r\n", 400);
        requests.put("GET /v3/api-docs HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n",
                400);
        requests.forEach((request, expected) -> {
            String where = "wire [" + request.lines().findFirst().orElse("") + " ...]";
            calls++;
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
                if (!answer.startsWith("HTTP/1.1 " + expected)) {
                    failures.add(where + ": expected " + expected + ", got " + abbreviate(answer));
                } else if (!head.contains("content-type: application/problem+json") || answer.contains("/problems/internal")
                        || answer.contains("could not complete")) {
                    failures.add(where + ": not a problem that says what was wrong: " + abbreviate(answer));
                }
            } catch (IOException e) {
                failures.add(where + ": " + e);
            }
        });
    }

    // ---------------------------------------------------------------- one operation

    final class Operation {
        final String method;
        final String template;
        final List<JsonNode> pathParameters = new ArrayList<>();
        final List<JsonNode> queryParameters = new ArrayList<>();
        final JsonNode bodySchema;
        final boolean multipart;
        final JsonNode schemas;

        Operation(String method, String template, JsonNode spec, JsonNode schemas) {
            this.method = method;
            this.template = template;
            this.schemas = schemas;
            spec.path("parameters").forEach(p -> {
                if ("path".equals(p.path("in").asString())) {
                    pathParameters.add(p);
                } else if ("query".equals(p.path("in").asString())) {
                    queryParameters.add(p);
                }
            });
            JsonNode content = spec.path("requestBody").path("content");
            multipart = content.has("multipart/form-data");
            JsonNode schema = content.path("application/json").path("schema");
            bodySchema = schema.isMissingNode() ? null : schema;
        }

        String path(Map<String, String> overrides) {
            String path = template;
            for (JsonNode p : pathParameters) {
                String name = p.get("name").asString();
                String value = overrides.containsKey(name) ? overrides.get(name) : plausible(name);
                path = path.replace("{" + name + "}", value);
            }
            return path;
        }

        String path() {
            return path(Map.of());
        }

        String plausible(String name) {
            String value = pathValues.apply(name);
            return value != null ? value : UUID.randomUUID().toString();
        }

        Object baseBody() {
            return bodySchema == null ? null : Bodies.sample(bodySchema, schemas, 0);
        }
    }

    /** What a hostile request must get besides the general rules (no 5xx, problems, no internals). */
    enum Expect {
        /** 400 naming {@link Case#field}, or 401/403 when the caller may not call the operation. */
        BAD_FIELD,
        /**
         * A number out of the range its meaning allows: as {@link #BAD_FIELD}, or the 404 the
         * well-formed request got too (the resource the path names does not exist; a service may look it
         * up before it reaches the range, which its rule's unit test then covers).
         */
        IN_RANGE,
        /** any 4xx problem */
        REFUSED,
        /** anything below 500; a problem when an error */
        ANY
    }

    record Case(String label, String path, String contentType, byte[] body, Expect expect, String field) {
    }

    /** The field a well-formed probe of the operation was refused for (its sample is not valid there). */
    private String probeField;
    /** The status the well-formed probe got. */
    private int probeStatus;

    private void attack(Operation op) {
        Object sample = op.baseBody();
        probeField = null;
        String caller = chooseCaller(op, sample);
        String token = callers.get(caller);
        List<Case> cases = cases(op, sample);
        if (op.method.equals("GET")) {
            // the API speaks JSON: asked for YAML it says so (406), never answers in it nor fails writing it
            HttpResponse<String> yaml = send("GET", op.path(), token, null, null, "application/yaml");
            String where = "GET " + op.template + " [Accept: application/yaml] as " + caller;
            check(where, yaml);
            if (yaml.headers().firstValue("Content-Type").orElse("").contains("yaml")) {
                failures.add(where + ": answered in YAML " + abbreviate(yaml.body()));
            }
            // a caller that accepts only problems still gets a success labelled as what it is
            HttpResponse<String> problemOnly = send("GET", op.path(), token, null, null, "application/problem+json");
            check("GET " + op.template + " [Accept: application/problem+json] as " + caller, problemOnly);
            if (problemOnly.statusCode() < 400
                    && problemOnly.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                failures.add("GET " + op.template + " [Accept: application/problem+json] as " + caller + ": a "
                        + problemOnly.statusCode() + " labelled application/problem+json " + abbreviate(problemOnly.body()));
            }
            // a caller without the gateway: forwarding headers the service cannot use are a 400 naming the header
            for (String[] header : UNUSABLE_FORWARDING) {
                HttpResponse<String> forwarded = send("GET", op.path(), token, null, null, JSON_OR_PROBLEM, header);
                String at = "GET " + op.template + " [" + header[0] + ": " + header[1] + "] as " + caller;
                check(at, forwarded);
                if (forwarded.statusCode() != 400 || !header[0].equals(field(forwarded))) {
                    failures.add(at + ": expected 400 naming " + header[0] + ", got " + forwarded.statusCode() + " "
                            + abbreviate(forwarded.body()));
                }
            }
        }
        Map<String, String> before = database.settled();
        boolean anyAccepted = false;
        List<String> acceptedLabels = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> response = send(op.method, c.path(), token, c.contentType(), c.body());
            String where = op.method + " " + op.template + " [" + c.label() + "] as " + caller;
            int status = response.statusCode();
            check(where, response);
            if (status < 400) {
                anyAccepted = true;
                acceptedLabels.add(c.label());
            }
            switch (c.expect()) {
                case BAD_FIELD, IN_RANGE -> {
                    boolean missingResource = c.expect() == Expect.IN_RANGE && status == 404 && probeStatus == 404;
                    if (status == 401 || status == 403 || missingResource) {
                        break;
                    }
                    String field = field(response);
                    boolean refusedEarlier = status == 400 && field != null && field.equals(probeField);
                    if (status != 400 || !(c.field().equals(field) || refusedEarlier)) {
                        failures.add(where + ": expected 400 naming " + c.field() + ", got " + status + " field=" + field
                                + " " + abbreviate(response.body()));
                    }
                }
                case REFUSED -> {
                    if (status < 400) {
                        failures.add(where + ": expected a refusal, got " + status + " " + abbreviate(response.body()));
                    }
                }
                case ANY -> {
                }
            }
        }
        Case unknown = cases.stream().filter(c -> c.label().equals("unknown field")).findFirst().orElse(null);
        // a client that asks for another format, or sends an Accept that does not parse, still learns
        // what was wrong
        for (String accept : unknown == null ? List.<String>of() : List.of("application/xml", "*/*;q=abc")) {
            HttpResponse<String> response = send(op.method, unknown.path(), token, unknown.contentType(), unknown.body(),
                    accept);
            String where = op.method + " " + op.template + " [unknown field, Accept: " + accept + "] as " + caller;
            check(where, response);
            if (response.statusCode() == 400 && !UNKNOWN_FIELD.equals(field(response))) {
                failures.add(where + ": expected the problem naming " + UNKNOWN_FIELD + ", got " + abbreviate(response.body()));
            }
        }
        if (!anyAccepted && !cases.isEmpty()) {
            List<String> changed = DatabaseFingerprint.changed(before, database.settled());
            if (!changed.isEmpty()) {
                failures.add(op.method + " " + op.template + " as " + caller + ": " + cases.size()
                        + " refused requests changed the tables " + changed);
            }
        }
    }

    /** The first caller whose role may call the operation (a well-formed request is not 401/403). */
    private String chooseCaller(Operation op, Object sample) {
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            byte[] body = sample == null ? null : Bodies.write(sample).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = send(op.method, op.path(), caller.getValue(),
                    body == null ? null : "application/json", body);
            check(op.method + " " + op.template + " [well-formed probe] as " + caller.getKey(), response);
            if (response.statusCode() != 401 && response.statusCode() != 403) {
                probeField = response.statusCode() == 400 ? field(response) : null;
                probeStatus = response.statusCode();
                return caller.getKey();
            }
        }
        notCallable.add(op.method + " " + op.template);
        return callers.keySet().iterator().next();
    }

    private List<Case> cases(Operation op, Object sample) {
        List<Case> cases = new ArrayList<>();
        String path = op.path();
        String json = "application/json";
        if (op.bodySchema != null) {
            for (Bodies.Leaf leaf : Bodies.leaves(sample, "")) {
                for (Bodies.Mutation m : Bodies.mutations(leaf)) {
                    String body = Bodies.write(Bodies.replace(sample, leaf.path(), new Bodies.Raw(m.json())));
                    cases.add(new Case(leaf.path() + " " + m.label(), path, json, bytes(body), m.expect(), leaf.path()));
                }
            }
            if (sample instanceof Map<?, ?> object && !object.isEmpty()) {
                String first = String.valueOf(object.keySet().iterator().next());
                String written = Bodies.write(sample);
                String duplicate = "{" + Bodies.quote(first) + ":" + Bodies.write(object.get(first)) + ","
                        + written.substring(1);
                cases.add(new Case("duplicate " + first, path, json, bytes(duplicate), Expect.BAD_FIELD, first));
                String unknown = "{" + Bodies.quote(UNKNOWN_FIELD) + ":1," + written.substring(1);
                cases.add(new Case("unknown field", path, json, bytes(unknown), Expect.BAD_FIELD, UNKNOWN_FIELD));
                for (Object key : object.keySet()) {
                    if (object.get(key) instanceof Map<?, ?> || object.get(key) instanceof List<?>) {
                        String wrong = Bodies.write(Bodies.replace(sample, String.valueOf(key), new Bodies.Raw("\"x\"")));
                        cases.add(new Case(key + " as a string", path, json, bytes(wrong), Expect.BAD_FIELD,
                                String.valueOf(key)));
                    }
                }
            }
            for (String broken : List.of("{", "[]", "null", "\"x\"", "{\"a\":NaN}", "{}{}", "\u0000")) {
                cases.add(new Case("body " + broken.replace("\u0000", "NUL"), path, json, bytes(broken), Expect.ANY, null));
            }
            cases.add(new Case("body as text/plain", path, "text/plain", bytes(Bodies.write(sample)), Expect.REFUSED, null));
            // JSON is YAML too: read as YAML, a body skipped every rule of StrictJson (a key twice was a 500)
            cases.add(new Case("body as application/yaml", path, "application/yaml", bytes(Bodies.write(sample)),
                    Expect.REFUSED, null));
            // a pattern, not a type: Spring's body readers assert against it
            for (String pattern : List.of("*/*", "application/*", "*/*; charset=UTF-8")) {
                cases.add(new Case("body as " + pattern, path, pattern, bytes(Bodies.write(sample)), Expect.REFUSED, null));
            }
        }
        if (op.multipart) {
            String boundary = "hostile-boundary";
            cases.add(new Case("multipart without boundary", path, "multipart/form-data",
                    bytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na\r\n--x--\r\n"),
                    Expect.REFUSED, null));
            cases.add(new Case("file name with NUL", path, "multipart/form-data; boundary=" + boundary,
                    multipart(boundary, "file", "a\u0000b.csv"), Expect.REFUSED, null));
            cases.add(new Case("file name with ESC", path, "multipart/form-data; boundary=" + boundary,
                    multipart(boundary, "file", "\u001b[31ma.csv"), Expect.REFUSED, null));
            cases.add(new Case("part name with NUL", path, "multipart/form-data; boundary=" + boundary,
                    multipart(boundary, "fi\u0000le", "a.csv"), Expect.REFUSED, null));
            cases.add(new Case("truncated multipart", path, "multipart/form-data; boundary=" + boundary,
                    bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"),
                    Expect.REFUSED, null));
        }
        byte[] body = sample == null ? null : bytes(Bodies.write(sample));
        String type = body == null ? null : json;
        if (op.multipart) {
            body = multipart("hostile-boundary", "file", "list.csv");
            type = "multipart/form-data; boundary=hostile-boundary";
        }
        for (JsonNode parameter : op.queryParameters) {
            String name = parameter.get("name").asString();
            String kind = Bodies.kind(parameter.path("schema"), op.schemas);
            List<String[]> values = new ArrayList<>(List.of(
                    new String[] {"NUL", "a%00b", "strict"}, new String[] {"ESC", "%1B%5B31m", "strict"},
                    new String[] {"CR LF", "a%0D%0Ab", "strict"}, new String[] {"U+FFFF", "%EF%BF%BF", "strict"},
                    new String[] {"bidi override", "%E2%80%AEx", "strict"},
                    new String[] {"only invisible characters", "%E2%80%8B%C2%A0", "strict"},
                    new String[] {"over-long", "x".repeat(1001), "strict"},
                    new String[] {"repeated", "A&" + name + "=B", "any"}));
            if (kind.equals("integer") || kind.equals("number")) {
                values.add(new String[] {"1e309", "1e309", "strict"});
                values.add(new String[] {"NaN", "NaN", "strict"});
                values.add(new String[] {"huge", "99999999999999999999999", "strict"});
                // no page, size, year, limit or sequence is negative
                values.add(new String[] {"-1", "-1", "range"});
            }
            if (kind.equals("boolean")) {
                values.add(new String[] {"2", "2", "strict"});
            }
            if (kind.equals("enum") || kind.equals("array")) {
                String good = Bodies.firstEnum(parameter.path("schema"), op.schemas);
                values.add(new String[] {"good and bad", good + "&" + name + "=HOSTILE", "strict"});
                // an empty value binds as null inside a list
                values.add(new String[] {"empty", "", "any"});
                values.add(new String[] {"good and empty", good + "&" + name + "=", "any"});
                values.add(new String[] {"empty in a comma list", good + ",,", "any"});
            }
            if (kind.equals("date") || kind.equals("date-time")) {
                values.add(new String[] {"year 999999999", "%2B999999999-12-31", "any"});
                values.add(new String[] {"year -999999999", "-999999999-01-01", "any"});
            }
            for (String[] v : values) {
                String query = "?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + v[1];
                cases.add(new Case("query " + name + " " + v[0], path + query, type, body,
                        v[2].equals("strict") ? Expect.BAD_FIELD : v[2].equals("range") ? Expect.IN_RANGE : Expect.ANY,
                        name));
            }
        }
        if (!op.queryParameters.isEmpty()) {
            cases.add(new Case("query parameter name with NUL", path + "?a%00b=1", type, body, Expect.ANY, null));
        }
        for (JsonNode parameter : op.pathParameters) {
            String name = parameter.get("name").asString();
            for (String[] v : List.of(new String[] {"NUL", "a%00b"}, new String[] {"ESC", "%1B%5B31m"},
                    new String[] {"invalid UTF-8", "%ED%A0%80"}, new String[] {"over-long", "x".repeat(1001)},
                    new String[] {"U+FFFF", "%EF%BF%BF"}, new String[] {"dot segments", "..%2F..%2Fetc"})) {
                cases.add(new Case("path " + name + " " + v[0], op.path(Map.of(name, v[1])), type, body, Expect.REFUSED,
                        name));
            }
        }
        return cases;
    }

    // ---------------------------------------------------------------- checks

    private void check(String where, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            failures.add(where + ": " + status + " " + abbreviate(body));
            return;
        }
        if (INTERNALS.matcher(body).find()) {
            failures.add(where + ": Java or database internals in the answer: " + abbreviate(body));
        }
        if (status >= 400) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                failures.add(where + ": " + status + " as '" + contentType + "', not a problem: " + abbreviate(body));
                return;
            }
            try {
                JsonNode problem = json.readTree(body);
                if (!problem.path("type").asString("").startsWith(PROBLEM_TYPE) || problem.path("status").asInt() != status) {
                    failures.add(where + ": a problem without the portal's type or status: " + abbreviate(body));
                }
            } catch (RuntimeException e) {
                failures.add(where + ": a problem that is not JSON: " + abbreviate(body));
            }
        }
    }

    private String field(HttpResponse<String> response) {
        try {
            return json.readTree(response.body()).path("field").asString(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- HTTP

    private JsonNode get(String path) {
        HttpResponse<String> response = send("GET", path, null, null, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) {
        return send(method, path, token, contentType, body, JSON_OR_PROBLEM);
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body,
            String accept, String[]... headers) {
        calls++;
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", accept);
        for (String[] header : headers) {
            request.header(header[0], header[1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] multipart(String boundary, String name, String fileName) {
        return bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\ntype,level\r\n--" + boundary + "--\r\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String body) {
        String flat = body.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** Failures as one message, for an assertion. */
    public static String describe(Result result) {
        var out = new StringBuilder(result.failures().size() + " failures in " + result.calls() + " calls over "
                + result.operations() + " operations:\n");
        result.failures().stream().limit(80).forEach(f -> out.append("  ").append(f).append('\n'));
        return out.toString();
    }

    /**
     * The demo realm's callers in the order they are tried: admin, ent-a, rev-prov, rev-city, expert1,
     * bank-a (client credentials), anonymous.
     */
    public static Map<String, String> demoCallers() {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String user : List.of("admin", "ent-a", "rev-prov", "rev-city", "expert1")) {
            callers.put(user, io.greenportal.platform.test.Tokens.user(user));
        }
        callers.put("bank-a", io.greenportal.platform.test.Tokens.client("bank-a"));
        callers.put("anonymous", null);
        return callers;
    }
}
