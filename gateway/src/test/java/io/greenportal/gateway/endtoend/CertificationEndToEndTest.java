package io.greenportal.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.greenportal.gateway.support.PortalClient;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * One application through the whole workflow with the demo accounts, through the running gateway:
 * a return and a resubmission, three experts, publicity with an objection that is dismissed, and
 * approval; then the listing is in the registry, in public search and in a bank's verification.
 */
class CertificationEndToEndTest {

    static final String CERT = "/api/v1/certification";
    final PortalClient portal = new PortalClient();

    JsonNode call(String caller, String method, String path, String body, int expected) {
        var response = portal.send(caller, method, path, body);
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, caller, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? null : portal.json(response.body());
    }

    JsonNode application(String id) {
        return portal.getJson("ent-a", CERT + "/applications/" + id).get("application");
    }

    String state(String id) {
        return application(id).get("state").asString();
    }

    JsonNode await(String what, java.util.function.Supplier<JsonNode> probe, Predicate<JsonNode> done) {
        return Waiting.atMost(Duration.ofSeconds(30), what).until(probe::get, last -> last != null && done.test(last));
    }

    @Test
    void anApplicationGoesFromDraftToAListingFoundEverywhere() throws Exception {
        OffsetDateTime now = OffsetDateTime.parse(portal.getJson("admin", CERT + "/dev/clock").get("now").asString());
        String batch = call("admin", "POST", CERT + "/batches", """
                {"name":"端到端测试批次","year":%d,"types":["GREEN_FACTORY"],"opensAt":"%s","deadline":"%s",
                 "publicityDays":5,"passMark":70,"minExperts":3}""".formatted(now.getYear(), now.minusMinutes(1),
                now.plusDays(30)), 201).get("id").asString();
        String site = "绿源端到端基地" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String draft = """
                {"batchId":"%s","type":"GREEN_FACTORY","enterpriseName":"绿源新材料（简称）","regionCode":"640106",
                 "industryCode":"C26","subject":{"siteName":"%s","evaluationStandard":"GB/T 36132-2018 绿色工厂评价通则"},
                 "selfScore":88,"indicators":[{"code":"ENERGY_PER_VALUE_ADDED","value":"0.31","unit":"tce/万元"},
                 {"code":"WATER_REUSE_RATE","value":"93.5","unit":"%%"}],
                 "evaluationBody":"宁夏节能低碳评价中心","evaluationReport":"NXJN-E2E 绿色工厂第三方评价报告"}""".formatted(batch, site);
        String id = call("ent-a", "POST", CERT + "/applications", draft, 201).get("id").asString();
        assertThat(state(id)).isEqualTo("DRAFT");

        upload(id);
        call("ent-a", "POST", CERT + "/applications/" + id + "/submit", "{}", 200);
        assertThat(state(id)).isEqualTo("MUNICIPAL_REVIEW");

        // the city returns it; the enterprise corrects and resubmits (a second round)
        call("rev-city", "POST", CERT + "/applications/" + id + "/reviews",
                "{\"decision\":\"RETURN\",\"comment\":\"请补充工业用水重复利用率的计算依据\"}", 201);
        assertThat(state(id)).isEqualTo("RETURNED");
        call("ent-a", "PUT", CERT + "/applications/" + id, draft.replace("93.5", "94.1"), 200);
        call("ent-a", "POST", CERT + "/applications/" + id + "/submit", "{}", 200);
        assertThat(application(id).get("round").asInt()).isEqualTo(2);

        call("rev-city", "POST", CERT + "/applications/" + id + "/reviews", "{\"decision\":\"APPROVE\",\"comment\":\"同意上报\"}", 201);
        call("rev-prov", "POST", CERT + "/applications/" + id + "/reviews", "{\"decision\":\"APPROVE\",\"comment\":\"复核通过\"}", 201);
        assertThat(state(id)).isEqualTo("EXPERT_REVIEW");
        call("rev-prov", "POST", CERT + "/applications/" + id + "/expert-assignments",
                "{\"experts\":[\"expert1\",\"expert2\",\"expert3\"]}", 201);
        call("expert1", "POST", CERT + "/applications/" + id + "/scores", "{\"score\":82,\"comment\":\"能效指标先进\"}", 201);
        call("expert2", "POST", CERT + "/applications/" + id + "/scores", "{\"score\":78.5,\"comment\":\"资料完整\"}", 201);
        call("expert3", "POST", CERT + "/applications/" + id + "/scores", "{\"score\":90,\"comment\":\"同意\"}", 201);
        assertThat(state(id)).isEqualTo("PUBLICITY");

        // the public sees the candidate (from the certification feed) and may object
        await("the public notice", () -> notice(id, "current"), n -> true);
        String objection = call("anonymous", "POST", CERT + "/applications/" + id + "/objections",
                "{\"name\":\"李四\",\"contact\":\"13900000000\",\"content\":\"该企业厂区去年曾被环保部门通报，请核实。\"}", 201)
                .get("id").asString();
        JsonNode seenByProvince = call("rev-prov", "GET", CERT + "/applications/" + id + "/objections", null, 200);
        assertThat(seenByProvince.toString()).contains("李四");
        JsonNode seenByApplicant = call("ent-a", "GET", CERT + "/applications/" + id + "/objections", null, 200);
        assertThat(seenByApplicant.toString()).doesNotContain("李四").doesNotContain("13900000000");
        call("rev-prov", "POST", CERT + "/applications/" + id + "/objections/" + objection + "/decision",
                "{\"decision\":\"DISMISS\",\"comment\":\"经核实，通报事项已整改完毕\"}", 200);

        // the publicity period ends (the local portal's development clock) and the listing is created
        call("admin", "POST", CERT + "/dev/clock", "{\"by\":\"P6D\"}", 200);
        JsonNode approved = await("approval and registration", () -> application(id), a -> a.hasNonNull("listingId"));
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        String listingId = approved.get("listingId").asString();

        JsonNode listing = portal.getJson("admin", "/api/v1/registry/listings/" + listingId).get("listing");
        assertThat(listing.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(listing.get("level").asString()).isEqualTo("PROVINCIAL");
        assertThat(listing.get("source").asString()).isEqualTo("CERTIFICATION");
        assertThat(listing.get("certificateNumber").asString()).matches("GF-640000-\\d{4}-\\d{4}");
        assertThat(listing.get("certificateNumber").asString()).isEqualTo(approved.get("certificateNumber").asString());
        assertThat(listing.get("certificateNumberAssigned").asBoolean()).as("the province's certificate").isFalse();
        assertThat(listing.get("subject").get("siteName").asString()).isEqualTo(site);

        String q = URLEncoder.encode(site, StandardCharsets.UTF_8);
        JsonNode found = await("the listing in public search",
                () -> portal.getJson("anonymous", "/api/v1/public/listings?q=" + q), r -> r.get("total").asLong() == 1);
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(listingId);

        JsonNode verification = portal.getJson("bank-a", "/api/v1/incentives/verifications/91640100MA76A00010");
        assertThat(verification.get("listings").toString()).contains(listingId);

        JsonNode closed = await("the notice closed as approved", () -> notice(id, "past"),
                n -> "APPROVED".equals(n.get("outcome").asString()));
        assertThat(closed.get("certificateNumber").asString()).as("the public learns the certificate granted")
                .isEqualTo(listing.get("certificateNumber").asString());
        assertThat(closed.get("enterpriseName").asString()).as("the name the registry holds, not one typed")
                .isEqualTo("宁夏绿源新材料有限公司");

        JsonNode history = call("ent-a", "GET", CERT + "/applications/" + id + "/history", null, 200);
        assertThat(history.toString()).contains("RETURNED", "PUBLICITY", "APPROVED", "rev-city", "rev-prov");
    }

    /** The public notice of the application in the "current" or "past" list, or null. */
    JsonNode notice(String applicationId, String list) {
        JsonNode notices = portal.getJson("anonymous", "/api/v1/public/notices?size=100");
        JsonNode entries = list.equals("past") ? notices.path("past").path("items") : notices.path("current");
        for (JsonNode notice : entries) {
            if (applicationId.equals(notice.get("applicationId").asString())) {
                return notice;
            }
        }
        return null;
    }

    void upload(String id) {
        io.greenportal.gateway.support.Evaluation.evaluate(portal, "ent-a", id);
    }
}
