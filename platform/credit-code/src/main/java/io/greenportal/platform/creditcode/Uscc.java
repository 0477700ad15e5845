package io.greenportal.platform.creditcode;

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from
 * {@code 0-9A-HJ-NPQRTUWXY}; the 18th is a check character over the first 17.
 */
public record Uscc(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /**
     * A code as people type it, in the form the registry keys on: full-width characters folded to
     * plain ones (NFKC: ９１６４… typed with a Chinese input method is 9164…), surrounding spaces
     * dropped, letters upper case. Every service that looks one up does the same.
     */
    public static String normalize(String value) {
        return value == null ? null
                : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Why {@code value} is not a valid USCC, or null when it is. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "a unified social credit code (USCC) is required";
        }
        if (value.length() != 18) {
            return "a USCC has 18 characters, not " + value.length();
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int v = ALPHABET.indexOf(value.charAt(i));
            if (v < 0) {
                return "character " + (i + 1) + " ('" + value.charAt(i) + "') is not allowed in a USCC";
            }
            if (i < 17) {
                sum += v * WEIGHTS[i];
            }
        }
        if (ALPHABET.charAt(checkValue(sum)) != value.charAt(17)) {
            return "the check character does not match: this is not a valid USCC";
        }
        return null;
    }

    /** Completes 17 characters with their check character (used to make synthetic demo codes). */
    public static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt(checkValue(sum));
    }

    private static int checkValue(int sum) {
        int check = 31 - (sum % 31);
        return check == 31 ? 0 : check;
    }

    @Override
    public String toString() {
        return value;
    }
}
