package io.greenportal.contracts.registry.v1;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the indicators of a listing ({@code Indicator} in registry.proto) may be, as the registry
 * accepts them: certification checks an application's and an annual report's by the same rule, so an
 * application that passes never fails at registration. At most 50; codes upper case and unique; a
 * known indicator's unit, name and range from {@link KnownIndicators}, any other needs a unit and a
 * name; values plain non-negative decimals of at most 18 digits, 6 after the point.
 */
public final class IndicatorReadings {

    public static final int MAX_INDICATORS = 50;
    public static final int MAX_NAME = 200;
    public static final int MAX_UNIT = 32;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");
    /** The known indicators' codes, for the message that meets a code outside them. */
    private static final String KNOWN_CODES = String.join(", ", KnownIndicators.ALL.keySet().stream().sorted().toList());

    /** An indicator as a client wrote it (any part may be missing): a service's input record implements it. */
    public interface Written {
        String code();

        String name();

        String value();

        String unit();
    }

    /** Makes a service's own record of an accepted indicator. */
    @FunctionalInterface
    public interface Reading<T> {
        T of(String code, String name, BigDecimal value, String unit);
    }

    /** The accepted indicators (the known ones with their canonical unit and, when none was given, name). */
    public record Checked<T>(List<T> readings, List<ContentProblem> problems) {
    }

    private IndicatorReadings() {
    }

    public static <T> Checked<T> check(List<? extends Written> inputs, Reading<T> reading) {
        List<ContentProblem> problems = new ArrayList<>();
        if (inputs == null) {
            return new Checked<>(List.of(), problems);
        }
        if (inputs.size() > MAX_INDICATORS) {
            problems.add(new ContentProblem("indicators", "at most " + MAX_INDICATORS + " indicators"));
            return new Checked<>(List.of(), problems);
        }
        List<T> readings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Written input = inputs.get(i);
            String at = "indicators[" + i + "]";
            if (input == null) {
                problems.add(new ContentProblem(at, "is empty"));
                continue;
            }
            String code = trimToNull(input.code());
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add(new ContentProblem(at + ".code", "must be an upper-case code such as ENERGY_PER_VALUE_ADDED"));
                continue;
            }
            if (!seen.add(code)) {
                problems.add(new ContentProblem(at + ".code", code + " appears twice"));
            }
            KnownIndicators.Definition known = KnownIndicators.ALL.get(code);
            String unit = trimToNull(input.unit());
            String name = trimToNull(input.name());
            if (known != null) {
                if (unit != null && !unit.equals(known.unit())) {
                    problems.add(new ContentProblem(at + ".unit", code + " is measured in " + known.unit() + ", not " + unit));
                }
                unit = known.unit();
                name = name == null ? known.name() : name;
            } else if (unit == null) {
                problems.add(new ContentProblem(at + ".unit", "is required: " + code + " is not a known indicator ("
                        + KNOWN_CODES + "); check the code, or give the unit and name of an indicator of your own"));
            } else if (unit.length() > MAX_UNIT) {
                problems.add(new ContentProblem(at + ".unit", "must be at most " + MAX_UNIT + " characters"));
            }
            if (name == null) {
                problems.add(new ContentProblem(at + ".name", "is required for an indicator of your own"));
            } else if (name.length() > MAX_NAME) {
                problems.add(new ContentProblem(at + ".name", "must be at most " + MAX_NAME + " characters"));
            }
            String written = input.value() == null ? "" : input.value().trim();
            if (!PLAIN_DECIMAL.matcher(written).matches()) {
                problems.add(new ContentProblem(at + ".value",
                        "must be a decimal number such as 0.352, written plainly (no exponent such as 1e3)"));
                continue;
            }
            BigDecimal value = new BigDecimal(written);
            if (value.precision() > 18 || value.scale() > 6 || value.precision() - value.scale() > 12) {
                problems.add(new ContentProblem(at + ".value", "has too many digits"));
            } else if (value.signum() < 0) {
                problems.add(new ContentProblem(at + ".value", "cannot be negative"));
            } else if (known != null && ((known.min() != null && value.compareTo(known.min()) < 0)
                    || (known.max() != null && value.compareTo(known.max()) > 0))) {
                problems.add(new ContentProblem(at + ".value", "is outside the range of " + code + " ("
                        + (known.min() == null ? "at most " + known.max().toPlainString()
                                : known.max() == null ? "at least " + known.min().toPlainString()
                                : known.min().toPlainString() + " to " + known.max().toPlainString())
                        + " " + known.unit() + ")"));
            }
            readings.add(reading.of(code, name, value, unit));
        }
        return new Checked<>(List.copyOf(readings), problems);
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
