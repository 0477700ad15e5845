package io.greenportal.registry.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.platform.creditcode.Uscc;

/** Fresh, valid test data, so tests never depend on each other's rows. */
public final class TestData {

    private TestData() {
    }

    /** A new valid credit code of an enterprise registered in the given region. */
    public static String uscc(String region) {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        return Uscc.withCheckCharacter("91" + region + "T" + n);
    }

    /**
     * A REST/JSON body for a provincial green factory in Yinchuan's Jinfeng district. Each call names
     * a site of its own, so two bodies for one enterprise are two listings, not a duplicate.
     */
    public static Map<String, Object> factory(String uscc, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "GREEN_FACTORY");
        body.put("level", "PROVINCIAL");
        body.put("enterprise", Map.of("uscc", uscc, "name", name, "regionCode", "640106", "industryCode", "C30"));
        int site = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        body.put("subject", Map.of("siteName", name + site + "号生产基地", "evaluationStandard", "GB/T 36132-2018"));
        body.put("year", 2024);
        body.put("batch", "2024年度第1批");
        body.put("indicators", List.of(
                Map.of("code", "ENERGY_PER_VALUE_ADDED", "value", "0.352", "unit", "tce/万元"),
                Map.of("code", "WATER_REUSE_RATE", "value", "92.5", "unit", "%")));
        return body;
    }

    /** A gRPC registration of a provincial green design product in Zhongwei. */
    public static RegisterListingRequest product(String requestId, String uscc) {
        return RegisterListingRequest.newBuilder().setRequestId(requestId).setType(ListingType.GREEN_PRODUCT)
                .setLevel(Level.PROVINCIAL)
                .setEnterprise(Enterprise.newBuilder().setUscc(uscc).setName("宁夏塞上枸杞科技有限公司")
                        .setRegionCode("640502").setIndustryCode("C14"))
                .setSubject(Subject.newBuilder().setProductName("枸杞原浆").setProductModel("250ml")
                        .setProductCategory("食品"))
                .setYear(2025).setSource("CERTIFICATION").setSourceRef("application-" + requestId).build();
    }

    /** A registration request as the registry's rules take it (REST, gRPC and imports all become one). */
    public static io.greenportal.registry.listing.ListingRequest request(String uscc) {
        return new io.greenportal.registry.listing.ListingRequest("GREEN_FACTORY", "PROVINCIAL",
                new io.greenportal.registry.listing.ListingRequest.EnterpriseInput(uscc, "宁夏慢事务有限公司", "640104", "C30"),
                null, 2025, null, null, null, null, null, null);
    }
}
