package io.greenportal.site.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;

/**
 * A publicity notice open for objection, made the way the portal makes one: the demo enterprise
 * applies, the city and the province approve, three experts score it above the pass mark, and the
 * certification service publishes it; the test then waits until the public API lists it.
 */
public final class OpenNotice {

    static final String CERT = "/api/v1/certification";

    public final String applicationId;
    public final String noticeId;
    public final String subjectName;
    public final String enterpriseName;

    private OpenNotice(String applicationId, String noticeId, String subjectName, String enterpriseName) {
        this.applicationId = applicationId;
        this.noticeId = noticeId;
        this.subjectName = subjectName;
        this.enterpriseName = enterpriseName;
    }

    public static OpenNotice create(PortalApi api) throws InterruptedException {
        OffsetDateTime now = OffsetDateTime.parse(api.call("admin", "GET", CERT + "/dev/clock", null, 200).get("now").asString());
        String batch = api.call("admin", "POST", CERT + "/batches", """
                {"name":"公开网站测试批次","year":%d,"types":["GREEN_FACTORY"],"opensAt":"%s","deadline":"%s",
                 "publicityDays":5,"passMark":70,"minExperts":3}""".formatted(now.getYear(), now.minusMinutes(1),
                now.plusDays(30)), 201).get("id").asString();
        String site = "绿源公示基地" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String draft = """
                {"batchId":"%s","type":"GREEN_FACTORY","enterpriseName":"宁夏绿源新材料有限公司","regionCode":"640106",
                 "industryCode":"C26","subject":{"siteName":"%s","evaluationStandard":"GB/T 36132-2018 绿色工厂评价通则"},
                 "selfScore":88,"indicators":[{"code":"WATER_REUSE_RATE","value":"93.5","unit":"%%"}],
                 "evaluationBody":"宁夏节能低碳评价中心","evaluationReport":"NXJN-SITE 绿色工厂第三方评价报告"}""".formatted(batch, site);
        String id = api.call("ent-a", "POST", CERT + "/applications", draft, 201).get("id").asString();
        upload(api, id);
        api.call("ent-a", "POST", CERT + "/applications/" + id + "/submit", "{}", 200);
        api.call("rev-city", "POST", CERT + "/applications/" + id + "/reviews", "{\"decision\":\"APPROVE\",\"comment\":\"同意上报\"}", 201);
        api.call("rev-prov", "POST", CERT + "/applications/" + id + "/reviews", "{\"decision\":\"APPROVE\",\"comment\":\"复核通过\"}", 201);
        api.call("rev-prov", "POST", CERT + "/applications/" + id + "/expert-assignments",
                "{\"experts\":[\"expert1\",\"expert2\",\"expert3\"]}", 201);
        for (String expert : new String[] {"expert1", "expert2", "expert3"}) {
            api.call(expert, "POST", CERT + "/applications/" + id + "/scores", "{\"score\":85,\"comment\":\"同意\"}", 201);
        }
        JsonNode notice = Awaitility.await("the notice of application " + id + " reaches the public API")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    for (JsonNode current : api.call("anonymous", "GET", "/api/v1/public/notices?size=1", null, 200)
                            .path("current")) {
                        if (id.equals(current.path("applicationId").asString())) {
                            return current;
                        }
                    }
                    return null;
                }, Objects::nonNull);
        return new OpenNotice(id, notice.get("id").asString(), site, notice.get("enterpriseName").asString());
    }

    /** Decides the objections the test filed (dismissed), so the application can be approved later. */
    public void dismissObjections(PortalApi api) {
        JsonNode objections = api.call("rev-prov", "GET", CERT + "/applications/" + applicationId + "/objections", null, 200);
        for (JsonNode objection : objections.path("items")) {
            if ("PENDING".equals(objection.path("status").asString())) {
                api.call("rev-prov", "POST", CERT + "/applications/" + applicationId + "/objections/"
                        + objection.get("id").asString() + "/decision",
                        "{\"decision\":\"DISMISS\",\"comment\":\"测试异议，经核实不成立\"}", 200);
            }
        }
    }

    /** The objector's name as the provincial reviewer sees it, to prove the objection arrived. */
    public JsonNode objections(PortalApi api) {
        return api.call("rev-prov", "GET", CERT + "/applications/" + applicationId + "/objections", null, 200);
    }

    /** eval-a's demo body (宁夏节能低碳评价中心) is engaged, confirms and uploads its report. */
    private static void upload(PortalApi api, String id) {
        String bodyId = null;
        for (JsonNode body : api.call("anonymous", "GET", CERT + "/public/evaluation-bodies?size=200", null, 200).get("items")) {
            if ("91640100MA76E0001Y".equals(body.get("creditCode").asString())) {
                bodyId = body.get("id").asString();
            }
        }
        if (bodyId == null) {
            throw new AssertionError("the demo evaluation body of eval-a is not registered (demo data)");
        }
        api.call("ent-a", "PUT", CERT + "/applications/" + id + "/engagement", "{\"bodyId\":\"" + bodyId + "\"}", 200);
        api.call("eval-a", "POST", CERT + "/applications/" + id + "/engagement/confirmation", "{}", 200);
        String boundary = "site-boundary";
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        String scores = "{\"BASIC_REQUIREMENTS\":85,\"INFRASTRUCTURE\":85,\"MANAGEMENT_SYSTEM\":85,"
                + "\"ENERGY_RESOURCE_INPUT\":85,\"PRODUCTS\":85,\"ENVIRONMENTAL_EMISSIONS\":85,\"PERFORMANCE\":85}";
        String parts = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"评价报告.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + pdf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"reportNumber\":\"NXJN-SITE-" + id.substring(0, 8) + "\",\"scores\":" + scores + ",\"totalScore\":86}\r\n--"
                + boundary + "--\r\n";
        var answer = api.send("eval-a", "POST", CERT + "/applications/" + id + "/engagement/report",
                "multipart/form-data; boundary=" + boundary, parts.getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            throw new AssertionError("evaluation report: " + answer.status() + " " + answer.body());
        }
    }
}
