package io.greenportal.publicity.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.publicity.Vocabulary;
import io.greenportal.publicity.reference.ReferenceNames;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a target an administrator sends and names every wrong field at once. Region codes are
 * checked against the registry's GB/T 2260 table, so a target speaks the codes its listings carry.
 */
@Component
public class TargetRules {

    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2100;
    static final int MAX_TARGET = 1_000_000;
    static final int MAX_SOURCE = 200;
    static final int MAX_NOTE = 1000;

    private final ReferenceNames names;

    public TargetRules(ReferenceNames names) {
        this.names = names;
    }

    /** A checked target: codes canonical, texts stripped, the region's name looked up. */
    public record Valid(String regionCode, String regionName, String type, String level, int year,
            int cumulativeTarget, String sourceDocument, String note) {
    }

    public Valid check(TargetRequest r) {
        if (r == null) {
            throw ApiException.invalid("body", "a target is required");
        }
        List<Violation> errors = new ArrayList<>();
        String region = r.regionCode() == null ? null : r.regionCode().strip();
        String regionName = null;
        if (region == null || region.isEmpty()) {
            errors.add(new Violation("regionCode", "is required: a 6-digit GB/T 2260 code such as 640000 or 640100"));
        } else if (!region.matches("[1-9][0-9]{5}")) {
            errors.add(new Violation("regionCode", "must be a 6-digit GB/T 2260 code such as 640000 or 640100"));
        } else {
            if (!names.loaded()) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "reference-unavailable", null,
                        "The region table is not loaded from the registry yet; please try again shortly");
            }
            regionName = names.region(region);
            if (regionName == null) {
                errors.add(new Violation("regionCode", "'" + region + "' is not a known GB/T 2260 region code"));
            }
        }
        String type = code(errors, "type", r.type(), true, Vocabulary.TYPES.keySet());
        String level = code(errors, "level", r.level(), false, Vocabulary.LEVELS.keySet());
        if (r.year() == null) {
            errors.add(new Violation("year", "is required: the year the cumulative target is set for"));
        } else if (r.year() < MIN_YEAR || r.year() > MAX_YEAR) {
            errors.add(new Violation("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR));
        }
        if (r.cumulativeTarget() == null) {
            errors.add(new Violation("cumulativeTarget", "is required: the number of listings to reach by the year"));
        } else if (r.cumulativeTarget() < 1 || r.cumulativeTarget() > MAX_TARGET) {
            errors.add(new Violation("cumulativeTarget", "must be between 1 and " + MAX_TARGET));
        }
        String source = text(errors, "sourceDocument", r.sourceDocument(), true, MAX_SOURCE, false);
        String note = text(errors, "note", r.note(), false, MAX_NOTE, true);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Valid(region, regionName, type, level, r.year(), r.cumulativeTarget(), source, note);
    }

    private static String code(List<Violation> errors, String field, String value, boolean required,
            java.util.Set<String> allowed) {
        String allowedList = String.join(", ", allowed.stream().sorted().toList());
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Violation(field, "is required: one of " + allowedList));
            }
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(code)) {
            errors.add(new Violation(field, "must be one of " + allowedList + (required ? "" : " (or absent: all)")));
            return null;
        }
        return code;
    }

    private static String text(List<Violation> errors, String field, String value, boolean required, int max,
            boolean multiline) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                errors.add(new Violation(field, "is required"));
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(new Violation(field, "must be at most " + max + " characters"));
            return null;
        }
        boolean control = text.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            errors.add(new Violation(field, "must not contain control characters"));
            return null;
        }
        return text;
    }
}
