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
}
