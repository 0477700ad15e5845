package io.greenportal.gateway.support;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;

/**
 * The third-party evaluation an application needs before it is submitted, through the gateway: the
 * enterprise names the demo body of eval-a (宁夏节能低碳评价中心, registered by the certification
 * service's demo data), eval-a confirms and uploads its report with the seven GB/T 36132 scores.
 */
public final class Evaluation {

    public static final String CERT = "/api/v1/certification";
    /** eval-a's body (keycloak/greenportal-realm.json, claim evaluation_body). */
    public static final String BODY_A = "91640100MA76E0001Y";
    static final String SCORES = "{\"BASIC_REQUIREMENTS\":85,\"INFRASTRUCTURE\":85,\"MANAGEMENT_SYSTEM\":85,"
            + "\"ENERGY_RESOURCE_INPUT\":85,\"PRODUCTS\":85,\"ENVIRONMENTAL_EMISSIONS\":85,\"PERFORMANCE\":85}";

    private Evaluation() {
    }

    /** The id of eval-a's body in the public list. */
    public static String bodyA(PortalClient portal) {
        for (JsonNode body : portal.getJson("anonymous", CERT + "/public/evaluation-bodies?size=200").get("items")) {
            if (BODY_A.equals(body.get("creditCode").asString())) {
                return body.get("id").asString();
            }
        }
        throw new IllegalStateException("the demo evaluation body " + BODY_A + " is not registered (demo data)");
    }

    /** {@code enterprise} engages eval-a's body on a green-factory application; eval-a confirms and reports. */
    public static void evaluate(PortalClient portal, String enterprise, String applicationId) {
        expect(portal.send(enterprise, "PUT", CERT + "/applications/" + applicationId + "/engagement",
                "{\"bodyId\":\"" + bodyA(portal) + "\"}"), 200, "engagement");
        expect(portal.send("eval-a", "POST", CERT + "/applications/" + applicationId + "/engagement/confirmation",
                "application/json", new byte[0]), 200, "confirmation");
        String boundary = "evaluation-boundary";
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        String parts = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"评价报告.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + pdf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"reportNumber\":\"NXJN-E2E-" + applicationId.substring(0, 8) + "\",\"scores\":" + SCORES
                + ",\"totalScore\":86}\r\n--" + boundary + "--\r\n";
        expect(portal.send("eval-a", "POST", CERT + "/applications/" + applicationId + "/engagement/report",
                "multipart/form-data; boundary=" + boundary, parts.getBytes(StandardCharsets.UTF_8)), 200, "report");
    }

    private static void expect(java.net.http.HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("evaluation " + what + ": " + response.statusCode() + " " + response.body());
        }
    }
}
