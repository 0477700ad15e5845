package io.greenportal.incentive.web;

/** The {@code Idempotency-Key} header of creating requests: optional, 1-128 printable characters. */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 128 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.invalid("Idempotency-Key", "must be 1-128 printable ASCII characters without spaces");
        }
        return key;
    }
}
