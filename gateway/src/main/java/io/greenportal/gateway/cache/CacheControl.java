package io.greenportal.gateway.cache;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The directives of Cache-Control header values, parsed one by one (a value such as
 * {@code no-cache, no-store, max-age=0} is three directives, not one string to compare).
 */
record CacheControl(boolean isPublic, boolean forbidsStoring, Duration maxAge) {

    static CacheControl parse(List<String> values) {
        boolean isPublic = false;
        boolean forbids = false;
        Duration maxAge = null;
        if (values != null) {
            for (String value : values) {
                for (String directive : value.split(",")) {
                    String d = directive.strip().toLowerCase(Locale.ROOT);
                    if (d.equals("public")) {
                        isPublic = true;
                    } else if (d.equals("private") || d.equals("no-store") || d.equals("no-cache")
                            || d.startsWith("private=") || d.startsWith("no-cache=")) {
                        forbids = true;
                    } else if (d.startsWith("s-maxage=") || d.startsWith("max-age=")) {
                        Duration seconds = seconds(d.substring(d.indexOf('=') + 1));
                        if (seconds == null) {
                            forbids = true; // a max-age we cannot read: do not guess
                        } else if (d.startsWith("s-maxage=") || maxAge == null) {
                            maxAge = seconds; // a shared cache obeys s-maxage over max-age
                        }
                    }
                }
            }
        }
        return new CacheControl(isPublic, forbids, maxAge);
    }

    private static Duration seconds(String text) {
        String digits = text.strip().replace("\"", "");
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(digits));
    }
}
