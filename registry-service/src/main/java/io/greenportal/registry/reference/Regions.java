package io.greenportal.registry.reference;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * GB/T 2260 administrative divisions. A code is six digits: two for the province, two for the city
 * (地级), two for the county; {@code 640000} is a province, {@code 640100} a city, {@code 640104} a
 * county. Filters by a province or city code include everything under it.
 */
@Component
public class Regions {

    private final Map<String, String> names = ReferenceData.load("reference/regions.csv");

    public boolean isKnown(String code) {
        return code != null && names.containsKey(code);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    public Map<String, String> all() {
        return names;
    }

    public static String provinceOf(String code) {
        return code.substring(0, 2) + "0000";
    }

    /** The city a county belongs to; a city or province code is its own city (provinces have none). */
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
}
