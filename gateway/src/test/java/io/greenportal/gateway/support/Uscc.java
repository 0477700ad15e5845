package io.greenportal.gateway.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid (synthetic) unified social credit codes for test firms. */
public final class Uscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    public static String fresh(String region) {
        String first17 = "91" + region + "G" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - (sum % 31);
        return first17 + ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
