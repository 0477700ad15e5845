package io.greenportal.incentive.support;

import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.Subject;

/** Registry listings (the gRPC messages) as unit tests of the incentive rules need them, built by hand. */
public final class Listings {

    private Listings() {
    }

    /** 大同冀东水泥有限责任公司's green factory in 云冈区 (140214, city 140200), active. */
    public static Listing.Builder datongFactory(Level level, int year) {
        return Listing.newBuilder()
                .setId("5f1d0000-0000-4000-8000-000000000214")
                .setType(ListingType.GREEN_FACTORY)
                .setLevel(level)
                .setYear(year)
                .setCertificateNumber("GF-140000-" + year + "-0008")
                .setStatus(ListingStatus.ACTIVE)
                .setEnterprise(Enterprise.newBuilder().setUscc("914403001922038216").setName("大同冀东水泥有限责任公司")
                        .setRegionCode("140214").setRegionName("云冈区").setCityCode("140200").setProvinceCode("140000")
                        .setIndustryCode("C30"))
                .setSubject(Subject.newBuilder().setSiteName("生产线节能技术改造厂区"));
    }

    /** ent-a's listing in 银川市金凤区 (640106). */
    public static Listing.Builder ningxia(ListingType type, Level level, int year) {
        return Listing.newBuilder()
                .setId("5f1d0000-0000-4000-8000-000000000106")
                .setType(type)
                .setLevel(level)
                .setYear(year)
                .setCertificateNumber("GF-640000-" + year + "-0007")
                .setStatus(ListingStatus.ACTIVE)
                .setEnterprise(Enterprise.newBuilder().setUscc("91640100MA76A00010").setName("宁夏绿源新材料有限公司")
                        .setRegionCode("640106").setRegionName("金凤区").setCityCode("640100").setProvinceCode("640000")
                        .setIndustryCode("C30"));
    }
}
