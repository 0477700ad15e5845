package io.greenportal.gateway.matrix;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.greenportal.gateway.support.PortalClient;
import io.greenportal.platform.test.Waiting;

import tools.jackson.databind.JsonNode;

/**
 * The resources the authorization matrix needs, created once per run through the running portal
 * by the users who would create them, in the states the rows need. {@code {app:municipal}} is an
 * application of ent-a (Yinchuan) in municipal review, and so on. Rows send invalid bodies, so the
 * fixtures stay as they are while the table runs (except where a row's own outcome is the point,
 * such as the first bank accepting a referral).
 */
final class Fixtures {

    static final Map<String, String> USCC = Map.of("ent-a", "91640100MA76A00010", "ent-b", "91640200MA76B00020");
    static final String CERT = "/api/v1/certification";
    static final String INC = "/api/v1/incentives";

    private final PortalClient portal;
    private final Map<String, String> resolved = new ConcurrentHashMap<>();
    private final Map<String, Supplier<String>> fixtures = Map.ofEntries(
            Map.entry("{uscc:ent-a}", () -> USCC.get("ent-a")),
            Map.entry("{listing:ent-a}", this::listingOfEntA),
            Map.entry("{import}", this::latestImport),
            Map.entry("{purpose}", () -> "revocation"),
            Map.entry("{version}", () -> "1"),
            Map.entry("{screening:bank-a}", this::screening),
            Map.entry("{batch}", this::batch),
            Map.entry("{app:draft}", () -> draft()),
            Map.entry("{app:municipal}", this::municipal),
            Map.entry("{app:to-withdraw}", this::submitted),
            Map.entry("{app:publicity}", this::publicity),
            Map.entry("{doc:draft}", () -> upload(get("{app:draft}"))),
            Map.entry("{doc:municipal}", () -> documentOf(get("{app:municipal}"))),
            Map.entry("{objection:publicity}", this::objection),
            Map.entry("{annual-report:ent-a}", this::annualReport),
            Map.entry("{program}", this::program),
            Map.entry("{subsidy:ent-a}", this::subsidy),
            Map.entry("{referral:open}", this::referral),
            Map.entry("{referral:bank-a}", this::referralHeldByBankA),
            Map.entry("{webhook:bank-a}", this::webhook),
            Map.entry("{webhook:to-delete}", this::webhook),
            Map.entry("{delivery:bank-a}", this::delivery),
            Map.entry("{delivery-firm}", this::deliveryFirm),
            Map.entry("{notice:publicity}", this::notice),
            Map.entry("{rebuild}", this::rebuild),
            Map.entry("{target}", this::target),
            Map.entry("{target-to-delete}", this::target),
            Map.entry("{body:a}", this::bodyA),
            Map.entry("{random}", () -> UUID.randomUUID().toString()));

    private String bodyA() {
        return io.greenportal.gateway.support.Evaluation.bodyA(portal);
    }

    Fixtures(PortalClient portal) {
        this.portal = portal;
    }

    /** Replaces every {kind:qualifier} in the path with its fixture. */
    String resolve(String path) {
        var matcher = java.util.regex.Pattern.compile("\\{[a-z-]+(?::[a-z0-9-]+)?}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, get(matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    String get(String key) {
        String value = resolved.get(key);
        if (value == null) {
            Supplier<String> fixture = fixtures.get(key);
            if (fixture == null) {
                throw new IllegalArgumentException("no fixture " + key);
            }
            value = fixture.get();
            resolved.put(key, value);
        }
        return value;
    }

    private JsonNode post(String caller, String path, String body, int expected) {
        var response = portal.send(caller, "POST", path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("fixture: POST " + path + " as " + caller + " gave " + response.statusCode()
                    + " " + response.body());
        }
        return response.body().isEmpty() ? null : portal.json(response.body());
    }

    // registry

    private String listingOfEntA() {
        JsonNode enterprise = portal.getJson("admin", "/api/v1/registry/enterprises/" + USCC.get("ent-a"));
        for (JsonNode listing : enterprise.get("listings")) {
            if (listing.get("status").asString().equals("ACTIVE") && listing.get("type").asString().equals("GREEN_FACTORY")) {
                return listing.get("id").asString();
            }
        }
        throw new IllegalStateException("ent-a holds no active green factory in the registry (demo data missing?)");
    }

    private String latestImport() {
        return portal.getJson("admin", "/api/v1/registry/imports").get("items").get(0).get("id").asString();
    }

    /** A finished screening of bank-a's: a two-row portfolio. */
    private String screening() {
        String boundary = "fixture-boundary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"portfolio.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncredit_code,name,reference\n" + USCC.get("ent-a") + ",,M-1\n,宁夏某某有限公司,M-2\n\r\n--"
                + boundary + "--\r\n";
        var response = portal.send("bank-a", "POST", "/api/v1/registry/screenings", "multipart/form-data; boundary=" + boundary,
                part.getBytes(StandardCharsets.UTF_8));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("fixture: screening upload gave " + response.statusCode() + " " + response.body());
        }
        String id = portal.json(response.body()).get("id").asString();
        io.greenportal.platform.test.Waiting.atMost(java.time.Duration.ofSeconds(30), "the screening is done").until(() ->
                portal.getJson("bank-a", "/api/v1/registry/screenings/" + id).get("status").asString().equals("DONE"));
        return id;
    }

    // certification

    private OffsetDateTime serviceNow() {
        return OffsetDateTime.parse(portal.getJson("admin", CERT + "/dev/clock").get("now").asString());
    }

    private String batch() {
        OffsetDateTime now = serviceNow();
        String body = """
                {"name":"权限矩阵批次 %s","year":%d,"types":["GREEN_FACTORY","GREEN_PARK","GREEN_PRODUCT","GREEN_SUPPLY_CHAIN"],
                 "opensAt":"%s","deadline":"%s","publicityDays":5,"passMark":70,"minExperts":3}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), now.getYear(), now.minusMinutes(1), now.plusDays(30));
        return post("admin", CERT + "/batches", body, 201).get("id").asString();
    }

    private String draft() {
        String body = """
                {"batchId":"%s","type":"GREEN_FACTORY","enterpriseName":"宁夏绿源新材料有限公司","regionCode":"640106",
                 "industryCode":"C26","subject":{"siteName":"宁东生产基地 %s","evaluationStandard":"GB/T 36132-2018 绿色工厂评价通则"},
                 "selfScore":86.5,"indicators":[{"code":"ENERGY_PER_VALUE_ADDED","value":"0.352","unit":"tce/万元"}],
                 "evaluationBody":"宁夏节能低碳评价中心","evaluationReport":"NXJN-2026-0371 绿色工厂第三方评价报告"}"""
                .formatted(get("{batch}"), UUID.randomUUID().toString().substring(0, 8));
        return post("ent-a", CERT + "/applications", body, 201).get("id").asString();
    }

    private String upload(String applicationId) {
        String boundary = "fixture-boundary";
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + pdf + "\r\n--" + boundary + "--\r\n";
        var response = portal.send("ent-a", "POST", CERT + "/applications/" + applicationId + "/documents?kind=OTHER",
                "multipart/form-data; boundary=" + boundary, part.getBytes(StandardCharsets.UTF_8));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("fixture upload: " + response.statusCode() + " " + response.body());
        }
        return portal.json(response.body()).get("id").asString();
    }

    private String documentOf(String applicationId) {
        return portal.getJson("ent-a", CERT + "/applications/" + applicationId + "/documents").get("items").get(0)
                .get("id").asString();
    }

    /** A submitted application of ent-a: in municipal review at 银川市. */
    private String submitted() {
        String id = draft();
        io.greenportal.gateway.support.Evaluation.evaluate(portal, "ent-a", id);
        post("ent-a", CERT + "/applications/" + id + "/submit", "{}", 200);
        return id;
    }

    private String municipal() {
        return submitted();
    }

    private String inPublicity() {
        String id = submitted();
        post("rev-city", CERT + "/applications/" + id + "/reviews", "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}", 201);
        post("rev-prov", CERT + "/applications/" + id + "/reviews", "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}", 201);
        post("rev-prov", CERT + "/applications/" + id + "/expert-assignments",
                "{\"experts\":[\"expert1\",\"expert2\",\"expert3\"]}", 201);
        for (String expert : new String[] {"expert1", "expert2", "expert3"}) {
            post(expert, CERT + "/applications/" + id + "/scores", "{\"score\":85,\"comment\":\"符合要求\"}", 201);
        }
        return id;
    }

    private String publicity() {
        get("{annual-report:ent-a}"); // moves the dev clock first, so this publicity is still running afterwards
        return inPublicity();
    }

    private String objection() {
        String id = get("{app:publicity}");
        return post("anonymous", CERT + "/applications/" + id + "/objections",
                "{\"name\":\"张三\",\"contact\":\"13800000000\",\"content\":\"权限矩阵测试：对该企业能耗数据的真实性提出异议\"}", 201).get("id").asString();
    }

    /** An application taken through publicity (the dev clock moves past it) to its listing's first annual report. */
    private String annualReport() {
        String id = inPublicity();
        post("admin", CERT + "/dev/clock", "{\"by\":\"P6D\"}", 200);
        return Waiting.atMost(Duration.ofSeconds(30), "fixture: application " + id + " gets its annual report").until(() -> {
            for (JsonNode report : portal.getJson("ent-a", CERT + "/annual-reports").get("items")) {
                if (id.equals(report.path("applicationId").asString(""))) {
                    return report.get("id").asString();
                }
            }
            return null;
        }, Objects::nonNull);
    }

    // incentives

    private String program() {
        String body = """
                {"code":"MATRIX-%s","name":"权限矩阵节能诊断补助","kind":"DIAGNOSTICS","opensAt":"2025-01-01T00:00:00+08:00",
                 "closesAt":"%s","budget":"1000000.00","eligibility":{"types":["GREEN_FACTORY"]},"amountRule":{"amount":"50000.00"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8).toUpperCase(), OffsetDateTime.now().plusYears(1));
        return post("admin", INC + "/programs", body, 201).get("id").asString();
    }

    private String subsidy() {
        return post("ent-a", INC + "/subsidy-applications",
                "{\"programId\":\"%s\",\"listingId\":\"%s\"}".formatted(get("{program}"), get("{listing:ent-a}")), 201)
                .get("id").asString();
    }

    private String referral() {
        return post("ent-a", INC + "/credit-referrals",
                "{\"amount\":\"5000000.00\",\"termMonths\":36,\"purpose\":\"权限矩阵测试：余热回收改造\"}", 201).get("id").asString();
    }

    private String referralHeldByBankA() {
        String id = referral();
        post("bank-a", INC + "/credit-referrals/" + id + "/acceptance", null, 200);
        return id;
    }

    private String webhook() {
        return post("bank-a", INC + "/webhook-subscriptions", """
                {"url":"http://127.0.0.1:9/matrix-hook","secret":"matrix-secret-0123456789","watchUsccs":["%s"]}"""
                .formatted(get("{delivery-firm}")), 201).get("id").asString();
    }

    /** A fresh firm with one listing, watched by bank-a's subscription; suspending it makes a delivery. */
    private String deliveryFirm() {
        String uscc = io.greenportal.gateway.support.Uscc.fresh("640106");
        post("admin", "/api/v1/registry/listings", """
                {"type":"GREEN_SUPPLY_CHAIN","level":"PROVINCIAL","year":2025,
                 "enterprise":{"uscc":"%s","name":"宁夏矩阵测试供应链有限公司","regionCode":"640106","industryCode":"C26"}}"""
                .formatted(uscc), 201);
        return uscc;
    }

    private String delivery() {
        String subscription = get("{webhook:bank-a}");
        JsonNode listings = portal.getJson("admin", "/api/v1/registry/enterprises/" + get("{delivery-firm}")).get("listings");
        post("admin", "/api/v1/registry/listings/" + listings.get(0).get("id").asString() + "/status",
                "{\"action\":\"SUSPEND\",\"reason\":\"权限矩阵测试\"}", 200);
        return Waiting.atMost(Duration.ofSeconds(30), "fixture: a webhook delivery appears")
                .until(() -> portal.getJson("bank-a", INC + "/webhook-subscriptions/" + subscription + "/deliveries")
                        .get("items"), items -> items.size() > 0)
                .get(0).get("id").asString();
    }

    // publicity

    /** The public notice of {app:publicity}, once the publicity service has it from the certification feed. */
    private String notice() {
        String application = get("{app:publicity}");
        return Waiting.atMost(Duration.ofSeconds(30), "fixture: the public notice of application " + application).until(() -> {
            for (JsonNode notice : portal.getJson("anonymous", "/api/v1/public/notices").get("current")) {
                if (application.equals(notice.get("applicationId").asString())) {
                    return notice.get("id").asString();
                }
            }
            return null;
        }, Objects::nonNull);
    }

    /** A plan target of a county and a year no other target has (another year if it is taken). */
    private String target() {
        for (int attempt = 0; attempt < 30; attempt++) {
            int year = 2030 + java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 70);
            var response = portal.send("admin", "POST", "/api/v1/public/targets", """
                    {"regionCode":"640425","type":"GREEN_PARK","year":%d,"cumulativeTarget":3,
                     "sourceDocument":"权限矩阵测试目标"}""".formatted(year));
            if (response.statusCode() == 201) {
                return portal.json(response.body()).get("id").asString();
            }
        }
        throw new IllegalStateException("fixture: no free year for a test target");
    }

    private String rebuild() {
        return post("admin", "/api/v1/public/admin/reindex", null, 202).get("id").asString();
    }
}
