package io.greenportal.contracts.registry.v1;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.protobuf.DescriptorProtos.EnumValueOptions;

/**
 * The known indicators of registry.proto ({@link KnownIndicator}, each with its option
 * {@code definition}) as a table by code: the registry checks a listing's indicators by it,
 * certification an application's and an annual report's, so both read the one table of the contract.
 */
public final class KnownIndicators {

    /** A known indicator's canonical name, its unit and its range (null: no bound). */
    public record Definition(String name, String unit, BigDecimal min, BigDecimal max) {
    }

    public static final Map<String, Definition> ALL = KnownIndicator.getDescriptor().getValues().stream()
            .filter(value -> value.getOptions().hasExtension(Registry.definition))
            .collect(Collectors.toUnmodifiableMap(value -> value.getName(), value -> definition(value.getOptions())));

    private KnownIndicators() {
    }

    private static Definition definition(EnumValueOptions options) {
        IndicatorDefinition d = options.getExtension(Registry.definition);
        return new Definition(d.getName(), d.getUnit(), bound(d.getMin()), bound(d.getMax()));
    }

    private static BigDecimal bound(String written) {
        return written.isEmpty() ? null : new BigDecimal(written);
    }
}
