package io.greenportal.registry.reference;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** GB/T 4754-2017 industry divisions, e.g. {@code C30} 非金属矿物制品业. */
@Component
public class Industries {

    private final Map<String, String> names = ReferenceData.load("reference/industries.csv");

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
