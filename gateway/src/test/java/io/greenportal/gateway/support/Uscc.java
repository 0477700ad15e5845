package io.greenportal.gateway.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid (synthetic) unified social credit codes for test firms. */
public final class Uscc {

    private Uscc() {
    }

    public static String fresh(String region) {
        return io.greenportal.platform.creditcode.Uscc.withCheckCharacter(
                "91" + region + "G" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
    }
}
