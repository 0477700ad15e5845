package io.greenportal.platform.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.http.HttpStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header of creating requests: optional; when sent, 1-128 printable
 * ASCII characters without spaces (33-126). A key is stored and compared byte for byte: ASCII
 * leaves no two spellings of one key (Unicode normalization, header encodings) and no invisible
 * differences such as trailing spaces. With the key the request's {@link #fingerprint} is stored:
 * a retry (same key, same request) gets what the first one created; the same key with a different
 * request is refused, 422 (as the IETF's Idempotency-Key draft says), instead of silently
 * answering with what another request created.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 128;
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** What a creating request asked for, as it was read (SHA-256 of its JSON, hex). */
    public static String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A row found under an Idempotency-Key, and whether the request that created it is this one
     * (rows from before fingerprints were stored count as the same request). A store reads both in
     * one query: the row's columns and {@link #sameRequestColumn}, then {@link #stored}.
     */
    public record Stored<T>(T row, boolean sameRequest) {
    }

    /** The select-list item telling whether the row's stored fingerprint is {@code :fp}, the request's. */
    public static String sameRequestColumn(String fingerprintColumn) {
        return "coalesce(" + fingerprintColumn + " = :fp, true) as same_request";
    }

    /** The row with what {@link #sameRequestColumn} read from the same result row. */
    public static <T> Stored<T> stored(T row, ResultSet rs) throws SQLException {
        return new Stored<>(row, rs.getBoolean("same_request"));
    }

    /** What a retry gets back: the row the first request created; 422 when the key came with another request. */
    public static <T> Optional<T> replay(Optional<Stored<T>> stored) {
        if (stored.isPresent() && !stored.get().sameRequest()) {
            throw reused();
        }
        return stored.map(Stored::row);
    }

    /** The key was sent before with a different request. */
    public static ApiException reused() {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", HEADER,
                "This Idempotency-Key was sent before with a different request; a new request needs a new key");
    }
}
