package io.greenportal.k8s;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a value against a CRD's structural OpenAPI v3 schema the way the API server does with
 * strict field validation (what {@code kubectl apply} asks for): defaults are applied first, then
 * unknown fields (unless {@code x-kubernetes-preserve-unknown-fields}), types (int-or-string and
 * {@code anyOf} alternatives included), {@code nullable}, enums, required fields, patterns, lengths,
 * bounds, {@code int32} range and {@code date-time} format, list-type set/map uniqueness, and the
 * CEL rules ({@link CelRules}). {@code embedded} names subtrees the schema leaves open
 * (preserve-unknown-fields) that are Kubernetes types: they are bound strictly with the fabric8
 * model instead (e.g. an Elasticsearch nodeSet's podTemplate).
 */
final class StructuralSchema {

    private final String crd;
    private final Map<String, Class<?>> embedded;
    private final List<String> violations = new ArrayList<>();

    private StructuralSchema(String crd, Map<String, Class<?>> embedded) {
        this.crd = crd;
        this.embedded = embedded;
    }

    /** Validates {@code value} (already defaulted) at {@code path}; returns the violations. */
    static List<String> validate(JsonNode schema, JsonNode value, String path, String crd, Map<String, Class<?>> embedded) {
        StructuralSchema s = new StructuralSchema(crd, embedded);
        s.check(schema, value, path);
        return s.violations;
    }

    /** Fills in the schema's defaults where a field is absent, as the API server does before validating. */
    static void applyDefaults(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode obj) {
            JsonNode props = schema.path("properties");
            props.properties().forEach(e -> {
                if (!obj.has(e.getKey()) && e.getValue().has("default")) {
                    obj.set(e.getKey(), e.getValue().get("default").deepCopy());
                }
                if (obj.has(e.getKey())) {
                    applyDefaults(e.getValue(), obj.get(e.getKey()));
                }
            });
            if (schema.path("additionalProperties").isObject()) {
                obj.properties().forEach(e -> applyDefaults(schema.get("additionalProperties"), e.getValue()));
            }
        } else if (value.isArray() && schema.has("items")) {
            value.forEach(item -> applyDefaults(schema.get("items"), item));
        }
    }

    private void check(JsonNode schema, JsonNode value, String path) {
        String generic = path.replaceAll("\\[\\d+]", "[]");
        Class<?> type = embedded.get(generic);
        if (type != null) {
            try {
                StrictModel.bind(value, type);
            } catch (IllegalArgumentException e) {
                fail(path, e.getMessage());
            }
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                fail(path, "must not be null");
            }
            return;
        }
        if (!typeMatches(schema, value, path)) {
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.equals(value) || e.asText().equals(value.asText()) && e.isTextual() == value.isTextual();
            }
            if (!listed) {
                fail(path, "unsupported value " + value + ", allowed: " + schema.get("enum"));
            }
        }
        checkBounds(schema, value, path);
        if (value.isObject()) {
            checkObject(schema, value, path);
        } else if (value.isArray()) {
            checkArray(schema, value, path);
        }
        violations.addAll(CelRules.check(schema, value, crd, path));
    }

    private boolean typeMatches(JsonNode schema, JsonNode value, String path) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                fail(path, "must be an integer or a string, not " + kind(value));
                return false;
            }
            if (schema.has("anyOf")) {
                boolean any = false;
                for (JsonNode alternative : schema.get("anyOf")) {
                    any |= StructuralSchema.validate(alternative, value, path, crd, Map.of()).isEmpty();
                }
                if (!any) {
                    fail(path, value + " matches none of " + schema.get("anyOf"));
                }
            }
            return true;
        }
        String t = schema.path("type").asText("");
        boolean ok = switch (t) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "" -> true;
            default -> throw new IllegalStateException(crd + " " + path + ": schema type " + t + " unknown here");
        };
        if (!ok) {
            fail(path, "must be " + t + ", not " + kind(value) + " " + abbreviate(value));
        }
        return ok;
    }

    private void checkBounds(JsonNode schema, JsonNode value, String path) {
        if (value.isTextual()) {
            String s = value.asText();
            if (schema.has("pattern") && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
                fail(path, "'" + s + "' does not match " + schema.get("pattern").asText());
            }
            if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()) {
                fail(path, "shorter than " + schema.get("minLength").asInt());
            }
            if (schema.has("maxLength") && s.length() > schema.get("maxLength").asInt()) {
                fail(path, "longer than " + schema.get("maxLength").asInt());
            }
            if ("date-time".equals(schema.path("format").asText())) {
                try {
                    OffsetDateTime.parse(s);
                } catch (DateTimeParseException e) {
                    fail(path, "'" + s + "' is not a date-time");
                }
            }
        }
        if (value.isNumber()) {
            double d = value.asDouble();
            if (schema.has("minimum") && (d < schema.get("minimum").asDouble()
                    || schema.path("exclusiveMinimum").asBoolean(false) && d == schema.get("minimum").asDouble())) {
                fail(path, value + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && (d > schema.get("maximum").asDouble()
                    || schema.path("exclusiveMaximum").asBoolean(false) && d == schema.get("maximum").asDouble())) {
                fail(path, value + " is above the maximum " + schema.get("maximum"));
            }
            if ("int32".equals(schema.path("format").asText()) && (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE)) {
                fail(path, value + " is out of int32 range");
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String path) {
        for (JsonNode req : schema.path("required")) {
            if (!value.has(req.asText())) {
                fail(path, "missing required field " + req.asText());
            }
        }
        if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
            fail(path, "more than " + schema.get("maxProperties").asInt() + " properties");
        }
        JsonNode props = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean embeddedResource = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
        value.properties().forEach(e -> {
            String child = path + "." + e.getKey();
            if (props.has(e.getKey())) {
                check(props.get(e.getKey()), e.getValue(), child);
            } else if (additional != null && additional.isObject()) {
                check(additional, e.getValue(), child);
            } else if (embeddedResource && Set.of("apiVersion", "kind", "metadata").contains(e.getKey())) {
                // an embedded object's type and metadata
            } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
                fail(child, "unknown field (the API server refuses it with strict validation, or prunes it)");
            }
        });
    }

    private void checkArray(JsonNode schema, JsonNode value, String path) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            fail(path, "fewer than " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            fail(path, "more than " + schema.get("maxItems").asInt() + " items");
        }
        String listType = schema.path("x-kubernetes-list-type").asText("");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (schema.has("items")) {
                check(schema.get("items"), item, path + "[" + i + "]");
            }
            String key = switch (listType) {
                case "set" -> item.toString();
                case "map" -> {
                    StringBuilder k = new StringBuilder();
                    schema.path("x-kubernetes-list-map-keys").forEach(mk -> k.append(item.path(mk.asText())).append('/'));
                    yield k.toString();
                }
                default -> null;
            };
            if (key != null && !seen.add(key)) {
                fail(path + "[" + i + "]", "duplicate entry in a list of type " + listType + " (" + key + ")");
            }
        }
    }

    private void fail(String path, String message) {
        violations.add(path + ": " + message);
    }

    private static String kind(JsonNode v) {
        return v.isObject() ? "an object" : v.isArray() ? "a list" : v.isTextual() ? "a string"
                : v.isIntegralNumber() ? "an integer" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.getNodeType().name();
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
