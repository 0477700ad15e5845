package io.greenportal.platform.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a client must send for a value of a given Java type, in words, for 400 answers. */
final class InputTypes {

    private InputTypes() {
    }

    /** e.g. "must be a whole number"; null when there is nothing more useful to say than "wrong type". */
    static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isEnum()) {
            // values are case-sensitive codes, written exactly as listed
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")) + " (upper case, exactly as written)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class) {
            return "must be a plain decimal number such as 385000.00 (no exponent such as 1e3)";
        }
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == OffsetDateTime.class) {
            return "must be a date and time in ISO-8601 with an offset, e.g. 2026-03-01T00:00:00+08:00";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return null;
    }
}
