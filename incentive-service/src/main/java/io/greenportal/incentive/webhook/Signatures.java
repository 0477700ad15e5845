package io.greenportal.incentive.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-GreenPortal-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. Signing the
 * timestamp with the body lets a bank refuse replays of an old request (see the README's recipe).
 */
public final class Signatures {

    public static final String EVENT_ID = "X-GreenPortal-Event-Id";
    public static final String TIMESTAMP = "X-GreenPortal-Timestamp";
    public static final String SIGNATURE = "X-GreenPortal-Signature";

    private Signatures() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
