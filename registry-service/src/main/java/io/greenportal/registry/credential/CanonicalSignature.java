package io.greenportal.registry.credential;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * ES256 signatures in one spelling only. For an ECDSA signature (r, s), (r, n − s) verifies too, so
 * any credential could be re-spelled into a second string that is just as valid, and a relying party
 * that recognises credentials by their text could be passed the same one twice. The registry issues
 * the low-S form (s ≤ n/2) and accepts no other.
 */
final class CanonicalSignature {

    /** The order n of P-256's base point. */
    private static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final int PART = 32;

    private CanonicalSignature() {
    }

    /** Whether an ES256 signature (r ‖ s, 64 bytes) is in the low-S form. */
    static boolean isCanonical(byte[] signature) {
        return signature.length == 2 * PART && s(signature).compareTo(HALF_N) <= 0;
    }

    /** The low-S form of an ES256 signature (r ‖ s, 64 bytes): (r, n − s) when s > n/2. */
    static byte[] canonical(byte[] signature) {
        if (signature.length != 2 * PART) {
            throw new IllegalArgumentException("an ES256 signature is 64 bytes, not " + signature.length);
        }
        BigInteger s = s(signature);
        if (s.compareTo(HALF_N) <= 0) {
            return signature;
        }
        byte[] low = N.subtract(s).toByteArray(); // big-endian; below n/2 < 2^255, so at most 32 bytes
        byte[] result = signature.clone();
        Arrays.fill(result, PART, 2 * PART, (byte) 0);
        System.arraycopy(low, 0, result, 2 * PART - low.length, low.length);
        return result;
    }

    private static BigInteger s(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, PART, 2 * PART));
    }
}
