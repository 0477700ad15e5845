package io.greenportal.platform.test.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

import io.greenportal.platform.test.hostile.HostileInput.Expect;

/**
 * gRPC request messages from their protobuf descriptors: a sample with every field set, its scalar
 * leaves with their paths as grpc-edge names them ({@code enterprise.name}, {@code indicators[0].code}),
 * hostile replacements for a leaf, and bytes no protobuf library would write (invalid UTF-8 in a
 * string: grpc-java's generated parsers refuse it, so it cannot be sent as a {@code String}).
 */
final class Messages {

    private Messages() {
    }

    record Leaf(String path, FieldDescriptor field) {
    }

    /**
     * A mutation: the value set at the leaf, or, when {@code wire} is set, the leaf holds an ASCII
     * placeholder of the same length whose bytes are replaced by {@code wire} after serialising.
     */
    record Mutation(String label, Object value, byte[] wire, Expect expect) {
    }

    /** A message of the descriptor with every field set to a plain value (one element per list). */
    static Message sample(Descriptor type, int depth) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        if (depth > 4) {
            return builder.build();
        }
        for (FieldDescriptor field : type.getFields()) {
            Object value = plain(field, depth);
            if (value == null) {
                continue;
            }
            if (field.isRepeated()) {
                builder.addRepeatedField(field, value);
            } else {
                builder.setField(field, value);
            }
        }
        return builder.build();
    }

    private static Object plain(FieldDescriptor field, int depth) {
        return switch (field.getJavaType()) {
            case STRING -> field.getName().endsWith("id") ? UUID.randomUUID().toString() : "x";
            case INT -> 1;
            case LONG -> 1L;
            case FLOAT -> 1f;
            case DOUBLE -> 1d;
            case BOOLEAN -> true;
            case ENUM -> {
                List<EnumValueDescriptor> values = field.getEnumType().getValues();
                yield values.size() > 1 ? values.get(1) : values.get(0);
            }
            case MESSAGE -> field.isMapField() || depth > 3 ? null : sample(field.getMessageType(), depth + 1);
            default -> null;
        };
    }

    /** Every scalar field the type has, nested ones included (a list's first element). */
    static List<Leaf> leaves(Descriptor type, String prefix, int depth) {
        List<Leaf> leaves = new ArrayList<>();
        for (FieldDescriptor field : type.getFields()) {
            String path = prefix + field.getName() + (field.isRepeated() ? "[0]" : "");
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (!field.isMapField() && depth < 3) {
                    leaves.addAll(leaves(field.getMessageType(), path + ".", depth + 1));
                }
            } else {
                leaves.add(new Leaf(path, field));
            }
        }
        return leaves;
    }

    static List<Mutation> mutations(Leaf leaf) {
        return switch (leaf.field().getJavaType()) {
            case STRING -> List.of(
                    new Mutation("NUL", "a\u0000b", null, Expect.BAD_FIELD),
                    new Mutation("BEL", "a\u0007b", null, Expect.BAD_FIELD),
                    new Mutation("ESC", "\u001b[31mred", null, Expect.BAD_FIELD),
                    new Mutation("C1", "a\u0085b", null, Expect.BAD_FIELD),
                    new Mutation("DEL", "a\u007fb", null, Expect.BAD_FIELD),
                    new Mutation("U+FFFF", "a\uffff", null, Expect.BAD_FIELD),
                    new Mutation("U+FDD0", "\ufdd0", null, Expect.BAD_FIELD),
                    new Mutation("only invisible characters", "\u200b\u00a0", null, Expect.BAD_FIELD),
                    // refused in a single line, allowed in free text (grpc-edge knows which is which)
                    new Mutation("bidi override", "\u202ex", null, Expect.ANY),
                    new Mutation("over-long", "长".repeat(4001), null, Expect.BAD_FIELD),
                    new Mutation("a megabyte", "x".repeat(1 << 20), null, Expect.REFUSED),
                    // what Java would write for a lone surrogate if it did not replace it with '?'
                    new Mutation("unpaired high surrogate (wire)", null, bytes("a", 0xED, 0xA0, 0x80, "b"), Expect.REFUSED),
                    new Mutation("unpaired low surrogate (wire)", null, bytes("", 0xED, 0xB0, 0x80, ""), Expect.REFUSED),
                    new Mutation("invalid UTF-8 byte (wire)", null, bytes("a", 0xFF, "b"), Expect.REFUSED),
                    new Mutation("truncated UTF-8 sequence (wire)", null, bytes("a", 0xE9, 0x95, ""), Expect.REFUSED),
                    new Mutation("over-long UTF-8 encoding of NUL (wire)", null, bytes("a", 0xC0, 0x80, "b"), Expect.REFUSED),
                    new Mutation("empty", "", null, Expect.ANY),
                    new Mutation("blank", "   ", null, Expect.ANY),
                    new Mutation("not a UUID", "not-a-uuid", null, Expect.ANY),
                    new Mutation("a credit code with a wrong check character", "914403001922038217", null, Expect.ANY),
                    new Mutation("SQL", "x' OR '1'='1'; DROP TABLE listing; --", null, Expect.ANY),
                    new Mutation("impossible date", "2026-02-30", null, Expect.ANY),
                    new Mutation("a format string", "%s%n%x${jndi:ldap://127.0.0.1/a}", null, Expect.ANY));
            case INT -> List.of(
                    new Mutation("-1", -1, null, Expect.BAD_FIELD),
                    new Mutation("MIN_VALUE", Integer.MIN_VALUE, null, Expect.BAD_FIELD),
                    new Mutation("MAX_VALUE", Integer.MAX_VALUE, null, Expect.ANY),
                    new Mutation("0", 0, null, Expect.ANY));
            case LONG -> List.of(
                    new Mutation("-1", -1L, null, Expect.BAD_FIELD),
                    new Mutation("MIN_VALUE", Long.MIN_VALUE, null, Expect.BAD_FIELD),
                    new Mutation("MAX_VALUE", Long.MAX_VALUE, null, Expect.ANY),
                    new Mutation("0", 0L, null, Expect.ANY));
            case FLOAT, DOUBLE -> List.of(
                    new Mutation("NaN", number(leaf, Double.NaN), null, Expect.BAD_FIELD),
                    new Mutation("Infinity", number(leaf, Double.POSITIVE_INFINITY), null, Expect.BAD_FIELD),
                    new Mutation("-1", number(leaf, -1), null, Expect.ANY));
            case ENUM -> List.of(
                    new Mutation("number 999", leaf.field().getEnumType().findValueByNumberCreatingIfUnknown(999), null,
                            Expect.BAD_FIELD),
                    new Mutation("number -1", leaf.field().getEnumType().findValueByNumberCreatingIfUnknown(-1), null,
                            Expect.BAD_FIELD),
                    new Mutation("unspecified", leaf.field().getEnumType().getValues().get(0), null, Expect.ANY));
            default -> List.of();
        };
    }

    private static Object number(Leaf leaf, double value) {
        return leaf.field().getJavaType() == FieldDescriptor.JavaType.FLOAT ? (Object) (float) value : (Object) value;
    }

    private static byte[] bytes(String before, Object... rest) {
        List<Byte> out = new ArrayList<>();
        for (byte b : before.getBytes(StandardCharsets.US_ASCII)) {
            out.add(b);
        }
        for (Object o : rest) {
            if (o instanceof Integer i) {
                out.add((byte) (int) i);
            } else {
                for (byte b : ((String) o).getBytes(StandardCharsets.US_ASCII)) {
                    out.add(b);
                }
            }
        }
        byte[] bytes = new byte[out.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = out.get(i);
        }
        return bytes;
    }

    /** An ASCII placeholder as long as {@code wire}, unlikely to occur anywhere else in a message. */
    static String placeholder(byte[] wire) {
        String marker = "#~^|`";
        StringBuilder out = new StringBuilder();
        while (out.length() < wire.length) {
            out.append(marker.charAt(out.length() % marker.length()));
        }
        return out.toString();
    }

    /** A copy of {@code message} with the leaf at {@code path} set to {@code value}. */
    static Message set(Message message, String path, Object value) {
        int dot = path.indexOf('.');
        String step = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        int bracket = step.indexOf('[');
        String name = bracket < 0 ? step : step.substring(0, bracket);
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
        Message.Builder builder = message.toBuilder();
        if (field.isRepeated()) {
            int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
            Object current = index < message.getRepeatedFieldCount(field) ? message.getRepeatedField(field, index) : null;
            Object next = rest == null ? value : set(current != null ? (Message) current
                    : DynamicMessage.getDefaultInstance(field.getMessageType()), rest, value);
            if (current == null) {
                builder.addRepeatedField(field, next);
            } else {
                builder.setRepeatedField(field, index, next);
            }
        } else {
            Object next = rest == null ? value : set((Message) message.getField(field), rest, value);
            builder.setField(field, next);
        }
        return builder.build();
    }

    /** {@code bytes} with the first occurrence of {@code placeholder} replaced by {@code wire} (same length). */
    static byte[] splice(byte[] bytes, String placeholder, byte[] wire) {
        byte[] marker = placeholder.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            byte[] out = bytes.clone();
            System.arraycopy(wire, 0, out, i, wire.length);
            return out;
        }
        throw new IllegalStateException("placeholder not found in the serialised message");
    }
}
