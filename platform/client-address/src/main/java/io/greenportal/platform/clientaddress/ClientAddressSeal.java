package io.greenportal.platform.clientaddress;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client address the gateway stamps on every request ({@value #ADDRESS_HEADER}), with its seal
 * ({@value #SEAL_HEADER}): an HMAC-SHA256 of the address under a key that only the gateway and the
 * services hold. A service takes the address for its per-client limits only when the seal matches,
 * so a caller that reaches a service's port around the gateway cannot choose its own address (and a
 * fresh budget with each one).
 */
public final class ClientAddressSeal {

    public static final String ADDRESS_HEADER = "X-Client-Address";
    public static final String SEAL_HEADER = "X-Client-Address-Seal";
    public static final String KEY_PROPERTY = "greenportal.client-address.key";
    public static final String KEY_VARIABLE = "GP_CLIENT_ADDRESS_KEY";
    static final String LOCAL_PORTAL_KEY = "local-portal-only-client-address-key";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final Mac prototype;

    private ClientAddressSeal(String key) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The seal of the configured key. Without one the application does not start, except in the
     * local portal (GP_LOCAL_PORTAL=true), whose gateway and services then share a development key.
     */
    public static ClientAddressSeal of(String key, boolean localPortal) {
        if (key == null || key.isBlank()) {
            if (!localPortal) {
                throw new IllegalStateException("The secret " + KEY_PROPERTY + " is not set: set " + KEY_VARIABLE
                        + " to a random value of at least 32 characters, the same on the gateway and the services. "
                        + "Only the local portal (GP_LOCAL_PORTAL=true) runs without it.");
            }
            return new ClientAddressSeal(LOCAL_PORTAL_KEY);
        }
        return new ClientAddressSeal(key);
    }

    public String seal(String address) {
        return BASE64.encodeToString(mac().doFinal(address.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code seal} is this key's seal of {@code address} (compared in constant time). */
    public boolean verifies(String address, String seal) {
        if (address == null || seal == null) {
            return false;
        }
        return MessageDigest.isEqual(seal(address).getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
