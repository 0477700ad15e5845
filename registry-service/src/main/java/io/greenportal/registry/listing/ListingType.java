package io.greenportal.registry.listing;

/** The four kinds of green designation, with the code used in generated certificate numbers. */
public enum ListingType {
    GREEN_FACTORY("GF", "绿色工厂"),
    GREEN_PARK("GP", "绿色园区"),
    GREEN_PRODUCT("GD", "绿色设计产品"),
    GREEN_SUPPLY_CHAIN("GS", "绿色供应链管理企业");

    private final String code;
    private final String chineseName;

    ListingType(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }
}
