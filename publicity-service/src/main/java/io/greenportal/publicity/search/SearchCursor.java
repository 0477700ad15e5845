package io.greenportal.publicity.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import co.elastic.clients.elasticsearch._types.FieldValue;

import io.greenportal.platform.web.ApiException;
import io.greenportal.publicity.PublicityProperties;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opaque cursors for deep paging with {@code search_after}: the last hit's sort values, bound to
 * the search they came from (a digest of its query, filters and sort) and signed with HMAC-SHA256.
 * Anything else (broken, truncated, forged, from another search) is a 400 on the {@code cursor}
 * parameter; a cursor's values are never passed to Elasticsearch unchecked.
 */
@Component
public class SearchCursor {

    static final int MAX_LENGTH = 1024;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final JsonMapper json = JsonMapper.builder().build();

    public SearchCursor(PublicityProperties properties) {
        this.secret = properties.search().cursorSecret().getBytes(StandardCharsets.UTF_8);
    }

    public String encode(String searchKey, List<FieldValue> sortValues) {
        ObjectNode payload = json.createObjectNode();
        payload.put("v", 1);
        payload.put("k", digest(searchKey));
        ArrayNode after = payload.putArray("a");
        for (FieldValue value : sortValues) {
            if (value.isLong()) {
                after.add(value.longValue());
            } else if (value.isDouble()) {
                after.add(value.doubleValue());
            } else if (value.isString()) {
                after.add(value.stringValue());
            } else if (value.isBoolean()) {
                after.add(value.booleanValue());
            } else {
                after.addNull();
            }
        }
        byte[] body = json.writeValueAsBytes(payload);
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
    }

    /**
     * What a sort field's value may be: a number (score, year, date; a missing one sorts as the
     * smallest or largest long) or a keyword's text (null when missing).
     */
    public enum Value {
        NUMBER, TEXT
    }

    /** The sort values to continue after, for a cursor of this very search, whose sort fields hold {@code shape}. */
    public List<FieldValue> decode(String cursor, String searchKey, List<Value> shape) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid("is too long");
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            throw invalid("is not a cursor this service issued");
        }
        byte[] body;
        byte[] signature;
        try {
            body = DECODER.decode(cursor.substring(0, dot));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this service issued");
        }
        if (!MessageDigest.isEqual(sign(body), signature)) {
            throw invalid("is not a cursor this service issued");
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (JacksonException e) {
            throw invalid("is not a cursor this service issued");
        }
        if (payload == null || payload.path("v").asInt(0) != 1 || !payload.path("a").isArray()) {
            throw invalid("is not a cursor this service issued");
        }
        if (!digest(searchKey).equals(payload.path("k").asString(""))) {
            throw invalid("belongs to another search: keep q, the filters and sort as they were");
        }
        JsonNode after = payload.path("a");
        if (after.size() != shape.size()) {
            throw invalid("belongs to another search: keep q, the filters and sort as they were");
        }
        // each value of the kind its sort field holds: Elasticsearch refuses a mismatch, which would
        // otherwise read as search being down
        List<FieldValue> values = new ArrayList<>();
        for (int i = 0; i < shape.size(); i++) {
            JsonNode value = after.get(i);
            if (shape.get(i) == Value.NUMBER && value.isIntegralNumber() && value.canConvertToLong()) {
                values.add(FieldValue.of(value.asLong()));
            } else if (shape.get(i) == Value.NUMBER && value.isNumber() && !value.isIntegralNumber()
                    && Double.isFinite(value.asDouble())) {
                values.add(FieldValue.of(value.asDouble()));
            } else if (shape.get(i) == Value.TEXT && value.isString()) {
                values.add(FieldValue.of(value.asString()));
            } else if (shape.get(i) == Value.TEXT && value.isNull()) { // a missing keyword, sorted last
                values.add(FieldValue.NULL);
            } else {
                throw invalid("is not a cursor this service issued");
            }
        }
        return values;
    }

    private static ApiException invalid(String why) {
        return ApiException.invalid("cursor", "The cursor " + why);
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal(body);
            return java.util.Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
