package io.greenportal.certification.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.greenportal.certification.application.ApplicationRequest;
import io.greenportal.certification.application.Subject;

/** Fresh, valid test data, so tests never depend on each other's rows. */
public final class TestData {

    /** The demo accounts' facts in the Keycloak realm. */
    public static final String ENT_A = "91640100MA76A00010";
    public static final String ENT_B = "91640200MA76B00020";
    /** The evaluation bodies of the demo evaluators eval-a and eval-b (their token's evaluation_body). */
    public static final String BODY_A = "91640100MA76E0001Y";
    public static final String BODY_B = "91640100MA76E00022";
    /** The gateway's seal of X-Client-Address under the tests' key (application-test.yml). */
    public static final io.greenportal.platform.clientaddress.ClientAddressSeal CLIENT_ADDRESS_SEAL =
            io.greenportal.platform.clientaddress.ClientAddressSeal.of("test-only-client-address-key-0123456789", false);

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestData() {
    }

    /** The gRPC port of the registry the service under test talks to: the JVM's in-memory fake (registry-fake). */
    public static int registryGrpcPort() {
        return io.greenportal.platform.registryfake.RegistryFake.shared().port();
    }

    /** A new valid credit code of an enterprise in the given region. */
    public static String uscc(String region) {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        String first17 = "91" + region + "C" + n;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - (sum % 31);
        return first17 + ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** A random client address, so each test has its own objection rate budget. */
    public static String clientAddress() {
        var r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static final java.util.concurrent.atomic.AtomicLong SITES = new java.util.concurrent.atomic.AtomicLong(
            System.currentTimeMillis() % 1_000_000 * 1000);

    /** A complete green-factory application body (REST), for a county of the given city. */
    public static Map<String, Object> factory(String batchId, String regionCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batchId);
        body.put("type", "GREEN_FACTORY");
        body.put("enterpriseName", "宁夏绿源新材料有限公司");
        body.put("regionCode", regionCode);
        body.put("industryCode", "C26");
        // a site of its own per application: one designation is applied for once at a time
        body.put("subject", Map.of("siteName", "宁东生产基地（" + SITES.incrementAndGet() + "号厂区）",
                "evaluationStandard", "GB/T 36132-2018 绿色工厂评价通则"));
        body.put("selfScore", 86.5);
        body.put("indicators", List.of(
                Map.of("code", "ENERGY_PER_VALUE_ADDED", "value", "0.352", "unit", "tce/万元"),
                Map.of("code", "WATER_REUSE_RATE", "value", "92.5", "unit", "%")));
        body.put("evaluationBody", "宁夏节能低碳评价中心");
        body.put("evaluationReport", "NXJN-2026-0371 绿色工厂第三方评价报告");
        return body;
    }

    /** The same as a service-level request (for tests that act as an enterprise without a Keycloak user). */
    public static ApplicationRequest factoryRequest(java.util.UUID batchId, String enterpriseName, String regionCode) {
        return new ApplicationRequest(batchId, "GREEN_FACTORY", enterpriseName, regionCode, "C30",
                new Subject(enterpriseName.replace("有限公司", "") + "生产基地", null, null, null, null,
                        "GB/T 36132-2018 绿色工厂评价通则"),
                new BigDecimal("88"), List.of(new ApplicationRequest.IndicatorInput("SOLID_WASTE_UTILISATION", null,
                        "91.5", "%")), "宁夏节能低碳评价中心", "NXJN-2026-0999");
    }

    /** An evaluation body qualified for every type until three years from now. */
    public static Map<String, Object> body(String name, String creditCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("creditCode", creditCode);
        body.put("types", List.of("GREEN_FACTORY", "GREEN_PARK", "GREEN_PRODUCT", "GREEN_SUPPLY_CHAIN"));
        body.put("qualifiedUntil", java.time.LocalDate.now().plusYears(3).toString());
        body.put("contact", "王工 0951-5551234");
        return body;
    }

    /** Scores of the seven GB/T 36132 aspects of a green factory. */
    public static Map<String, Object> factoryScores() {
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String aspect : List.of("BASIC_REQUIREMENTS", "INFRASTRUCTURE", "MANAGEMENT_SYSTEM", "ENERGY_RESOURCE_INPUT",
                "PRODUCTS", "ENVIRONMENTAL_EMISSIONS", "PERFORMANCE")) {
            scores.put(aspect, 85);
        }
        return scores;
    }

    /** A small but real PDF. */
    public static byte[] pdf(String text) {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% " + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
