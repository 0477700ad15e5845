package io.greenportal.platform.web;

/**
 * The {@code Idempotency-Key} header of creating requests: optional; when sent, 1-128 printable
 * ASCII characters without spaces (33-126). A key is stored and compared byte for byte: ASCII
 * leaves no two spellings of one key (Unicode normalization, header encodings) and no invisible
 * differences such as trailing spaces.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 128;

    private IdempotencyKeys() {
    }

    /** The key, or null when none was sent; a 400 naming the header when it breaks the rule. */
    public static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.invalid(HEADER, "must be 1-" + MAX_LENGTH + " printable ASCII characters without spaces");
        }
        return key;
    }
}
