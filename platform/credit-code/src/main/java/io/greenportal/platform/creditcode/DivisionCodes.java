package io.greenportal.platform.creditcode;

/**
 * 行政区划代码 (administrative division codes, GB/T 2260), which a USCC carries in its 3rd to 8th
 * characters: six digits, two each for the province, the city (地级) and the county, zeros where a
 * level is the code itself (640000 宁夏, 640100 银川市, 640104 兴庆区).
 */
public final class DivisionCodes {

    private DivisionCodes() {
    }

    public static String provinceOf(String code) {
        return code.substring(0, 2) + "0000";
    }

    /** The city a county belongs to; a city or a province is its own (a province has no city). */
    public static String cityOf(String code) {
        return code.endsWith("0000") ? code : code.substring(0, 4) + "00";
    }

    /** The prefix shared by every code under this one: "64" for 640000, "6401" for 640100. */
    public static String prefixOf(String code) {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** Whether {@code region} lies in (or is) {@code area}. */
    public static boolean within(String region, String area) {
        return region != null && region.startsWith(prefixOf(area));
    }
}
