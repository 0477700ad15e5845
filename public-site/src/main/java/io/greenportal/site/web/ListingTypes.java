package io.greenportal.site.web;

import java.util.List;

/**
 * The four kinds of listing in the order the portal shows them, with their names and the CSS class
 * that colours them in charts (colours chosen for 3:1 against white and against each other's
 * neighbours, and never the only cue: every chart has its numbers in a table).
 */
public enum ListingTypes {

    GREEN_FACTORY("绿色工厂", "t-factory"),
    GREEN_PARK("绿色园区", "t-park"),
    GREEN_PRODUCT("绿色设计产品", "t-product"),
    GREEN_SUPPLY_CHAIN("绿色供应链管理企业", "t-chain");

    private final String label;
    private final String cssClass;

    ListingTypes(String label, String cssClass) {
        this.label = label;
        this.cssClass = cssClass;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return cssClass;
    }

    public static List<ListingTypes> all() {
        return List.of(values());
    }

    public static String labelOf(String code) {
        for (ListingTypes type : values()) {
            if (type.name().equals(code)) {
                return type.label;
            }
        }
        return code;
    }
}
