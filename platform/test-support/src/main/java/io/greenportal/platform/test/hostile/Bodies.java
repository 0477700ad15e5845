package io.greenportal.platform.test.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.platform.test.hostile.HostileInput.Expect;

import tools.jackson.databind.JsonNode;

/**
 * Request bodies from an OpenAPI schema: a well-formed sample (maps, lists, strings, numbers), its
 * leaves with their JSON paths as the web edge names them ({@code indicators[0].value}), hostile
 * replacements for a leaf (written verbatim, so they may be JSON no mapper would write), and a writer.
 */
final class Bodies {

    private Bodies() {
    }

    /** JSON text inserted as is. */
    record Raw(String json) {
    }

    record Leaf(String path, String kind) {
    }

    record Mutation(String label, String json, Expect expect) {
    }

    static Object sample(JsonNode schema, JsonNode schemas, int depth) {
        JsonNode s = resolve(schema, schemas);
        if (depth > 5) {
            return null;
        }
        String kind = kind(s, schemas);
        switch (kind) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (String name : s.path("properties").propertyNames()) {
                    Object value = sample(s.get("properties").get(name), schemas, depth + 1);
                    if (value != null) {
                        object.put(name, value);
                    }
                }
                return object;
            }
            case "array" -> {
                Object item = sample(s.path("items"), schemas, depth + 1);
                return item == null ? new ArrayList<>() : new ArrayList<>(List.of(item));
            }
            case "integer" -> {
                return 1;
            }
            case "number" -> {
                return 1;
            }
            case "boolean" -> {
                return true;
            }
            case "enum" -> {
                return s.get("enum").get(0).asString();
            }
            case "uuid" -> {
                return java.util.UUID.randomUUID().toString();
            }
            case "date" -> {
                return "2026-03-01";
            }
            case "date-time" -> {
                return "2026-03-01T00:00:00+08:00";
            }
            default -> {
                return "x";
            }
        }
    }

    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode s = schema;
        for (int i = 0; i < 10; i++) {
            if (s.has("$ref")) {
                String ref = s.get("$ref").asString();
                s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else if (s.has("oneOf")) {
                s = s.get("oneOf").get(0);
            } else {
                break;
            }
        }
        return s;
    }

    static String kind(JsonNode schema, JsonNode schemas) {
        JsonNode s = resolve(schema, schemas);
        if (s.has("enum")) {
            return "enum";
        }
        String type = s.path("type").asString("");
        if (type.isEmpty() && s.path("types").isArray() && !s.path("types").isEmpty()) {
            type = s.path("types").get(0).asString();
        }
        String format = s.path("format").asString("");
        if (type.equals("string") && (format.equals("uuid") || format.equals("date") || format.equals("date-time"))) {
            return format;
        }
        if (type.isEmpty() && s.has("properties")) {
            return "object";
        }
        return type.isEmpty() ? "string" : type;
    }

    static String firstEnum(JsonNode schema, JsonNode schemas) {
        JsonNode s = resolve(schema, schemas);
        if (s.has("items")) {
            s = resolve(s.get("items"), schemas);
        }
        return s.has("enum") ? s.get("enum").get(0).asString() : "x";
    }

    static List<Leaf> leaves(Object value, String path) {
        List<Leaf> leaves = new ArrayList<>();
        if (value instanceof Map<?, ?> object) {
            object.forEach((k, v) -> leaves.addAll(leaves(v, path.isEmpty() ? String.valueOf(k) : path + "." + k)));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                leaves.addAll(leaves(list.get(i), path + "[" + i + "]"));
            }
        } else if (value instanceof String text) {
            leaves.add(new Leaf(path, DATES.matcher(text).matches() ? "date" : "string"));
        } else if (value instanceof Boolean) {
            leaves.add(new Leaf(path, "boolean"));
        } else if (value instanceof Number) {
            leaves.add(new Leaf(path, "number"));
        }
        return leaves;
    }

    /** The samples' dates and times (as {@link #sample} writes them). */
    static final java.util.regex.Pattern DATES = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");

    static List<Mutation> mutations(Leaf leaf) {
        return switch (leaf.kind()) {
            // PostgreSQL keeps a time before 4713 BC as -infinity, which reads back as a time no zone
            // can hold: every list showing the row would fail from then on
            case "date" -> java.util.stream.Stream.concat(mutations(new Leaf(leaf.path(), "string")).stream(), java.util.stream.Stream.of(
                    new Mutation("year -999999999", "\"-999999999-01-01T00:00:00Z\"", Expect.BAD_FIELD),
                    new Mutation("year 999999999", "\"+999999999-12-31\"", Expect.BAD_FIELD),
                    new Mutation("year 10000", "\"+10000-06-01T00:00:00+08:00\"", Expect.BAD_FIELD),
                    new Mutation("year 1", "\"0001-01-01\"", Expect.BAD_FIELD))).toList();
            case "string" -> List.of(
                    new Mutation("NUL", "\"a\\u0000b\"", Expect.BAD_FIELD),
                    new Mutation("BEL", "\"a\\u0007b\"", Expect.BAD_FIELD),
                    new Mutation("ESC", "\"\\u001b[31mred\"", Expect.BAD_FIELD),
                    new Mutation("C1", "\"a\\u0085b\"", Expect.BAD_FIELD),
                    new Mutation("unpaired high surrogate", "\"a\\ud800b\"", Expect.BAD_FIELD),
                    new Mutation("unpaired low surrogate", "\"\\udc00\"", Expect.BAD_FIELD),
                    new Mutation("U+FFFF", "\"a\\uffff\"", Expect.BAD_FIELD),
                    new Mutation("U+FDD0", "\"\\ufdd0\"", Expect.BAD_FIELD),
                    new Mutation("only invisible characters", "\"\\u200b\\u00a0\"", Expect.BAD_FIELD),
                    new Mutation("over-long", "\"" + "长".repeat(4001) + "\"", Expect.BAD_FIELD),
                    new Mutation("a number", "12345", Expect.BAD_FIELD),
                    new Mutation("a boolean", "true", Expect.BAD_FIELD),
                    new Mutation("an object", "{}", Expect.BAD_FIELD),
                    new Mutation("a list", "[\"x\"]", Expect.BAD_FIELD),
                    new Mutation("epoch number", "20240101", Expect.BAD_FIELD),
                    new Mutation("empty", "\"\"", Expect.ANY),
                    new Mutation("CR LF", "\"a\\r\\nb\"", Expect.ANY),
                    new Mutation("impossible date", "\"2026-02-30\"", Expect.ANY),
                    new Mutation("null", "null", Expect.ANY));
            case "number" -> List.of(
                    new Mutation("1e309", "1e309", Expect.BAD_FIELD),
                    new Mutation("-1e309", "-1e309", Expect.BAD_FIELD),
                    new Mutation("huge", "123456789012345678901234567890", Expect.BAD_FIELD),
                    new Mutation("a boolean", "true", Expect.BAD_FIELD),
                    new Mutation("an object", "{}", Expect.BAD_FIELD),
                    new Mutation("a list", "[1]", Expect.BAD_FIELD),
                    // no number a client sends means anything below zero (amounts, scores, years, days,
                    // caps, counts) or anywhere near 10^15 (the largest, an amount, stops at 10^11 CNY)
                    new Mutation("-1", "-1", Expect.IN_RANGE),
                    new Mutation("10^15", "1000000000000000", Expect.IN_RANGE),
                    new Mutation("0", "0", Expect.ANY),
                    new Mutation("a fraction", "1.5", Expect.ANY),
                    new Mutation("a string", "\"1\"", Expect.ANY),
                    new Mutation("null", "null", Expect.ANY));
            case "boolean" -> List.of(
                    new Mutation("2", "2", Expect.BAD_FIELD),
                    new Mutation("0", "0", Expect.BAD_FIELD),
                    new Mutation("a string", "\"true\"", Expect.BAD_FIELD),
                    new Mutation("null", "null", Expect.ANY));
            default -> List.of();
        };
    }

    /** A copy of {@code value} with the leaf at {@code path} replaced. */
    static Object replace(Object value, String path, Object replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        if (value instanceof Map<?, ?> object) {
            int dot = indexOfNext(path);
            String key = path.substring(0, dot);
            String rest = dot < path.length() && path.charAt(dot) == '.' ? path.substring(dot + 1) : path.substring(dot);
            Map<String, Object> copy = new LinkedHashMap<>();
            object.forEach((k, v) -> copy.put(String.valueOf(k), k.equals(key) ? replace(v, rest, replacement) : v));
            return copy;
        }
        if (value instanceof List<?> list && path.startsWith("[")) {
            int close = path.indexOf(']');
            int index = Integer.parseInt(path.substring(1, close));
            String rest = path.substring(close + 1);
            rest = rest.startsWith(".") ? rest.substring(1) : rest;
            List<Object> copy = new ArrayList<>(list);
            copy.set(index, replace(list.get(index), rest, replacement));
            return copy;
        }
        return value;
    }

    private static int indexOfNext(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                return i;
            }
        }
        return path.length();
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof Map<?, ?> object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : object.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quote(String.valueOf(e.getKey()))).append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String text) {
            out.append(quote(text));
        } else {
            out.append(value);
        }
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
