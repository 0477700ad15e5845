package io.greenportal.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How a request body is read: each input has one meaning or is refused (400 naming the field).
 * <ul>
 * <li>a key twice in one object, or a field the endpoint does not know: refused (a typo in an optional
 * field would otherwise silently lose its value);</li>
 * <li>no coercions: a number is not a boolean ({@code "active": 2}), a date ({@code 20240101}) or an
 * enum; a decimal is not a whole number; {@code ""} is not absent; a single value is not a list; a
 * string is not a number (decimals excepted, below);</li>
 * <li>every string keeps the {@link TextRule} ({@link FreeText} fields may hold line breaks);</li>
 * <li>floating-point numbers are finite ({@code 1e309} is not infinity); decimals
 * ({@code BigDecimal}: money, shares, indicator values) are written plainly, as a JSON number or a
 * string ({@code 385000.00}, {@code "385000.00"}), never with an exponent, at most
 * {@value #DECIMAL_DIGITS} digits before the point and {@value #DECIMAL_SCALE} after;</li>
 * <li>dates and times are ISO-8601 strings, never numbers or arrays, with a year of four digits
 * ({@value #FIRST_YEAR}-{@value #LAST_YEAR}): PostgreSQL keeps far-off times as {@code -infinity},
 * which read back as a time no zone can hold.</li>
 * </ul>
 * Ranges by meaning (an indicator between 0 and 100 %, a year) stay in each service's rules.
 */
public final class StrictJson {

    static final int DECIMAL_DIGITS = 15;
    static final int DECIMAL_SCALE = 6;
    static final int FIRST_YEAR = 1000;
    static final int LAST_YEAR = 9999;
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private StrictJson() {
    }

    /** A mapper for reading requests: {@code base} (the application's, with its modules) made strict. */
    public static JsonMapper of(JsonMapper base) {
        return configure(base.rebuild()).build();
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Array, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(module());
    }

    static SimpleModule module() {
        return new SimpleModule("greenportal-strict-json")
                .addDeserializer(String.class, new Text(TextRule.Kind.LINE, TextRule.LINE_MAX))
                .addKeyDeserializer(String.class, new TextKeys())
                .addDeserializer(Double.class, new Finite<>(Double.class))
                .addDeserializer(double.class, new Finite<>(double.class))
                .addDeserializer(Float.class, new Finite<>(Float.class))
                .addDeserializer(float.class, new Finite<>(float.class))
                .addDeserializer(BigDecimal.class, new PlainDecimal())
                .setDeserializerModifier(new StringsOnlyForTimes());
    }

    static RefusedValue refused(JsonParser p, String reason, Class<?> type) {
        return new RefusedValue(p, reason, type);
    }

    /** Strings: only JSON strings, and only text that keeps the {@link TextRule}. */
    static final class Text extends ValueDeserializer<String> {

        private final TextRule.Kind kind;
        private final int max;
        private final boolean numbers;

        Text(TextRule.Kind kind, int max) {
            this(kind, max, false);
        }

        private Text(TextRule.Kind kind, int max, boolean numbers) {
            this.kind = kind;
            this.max = max;
            this.numbers = numbers;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            if (property != null && property.getAnnotation(DecimalText.class) != null) {
                return new Text(TextRule.Kind.LINE, TextRule.LINE_MAX, true);
            }
            FreeText free = property == null ? null : property.getAnnotation(FreeText.class);
            if (free != null) {
                return new Text(TextRule.Kind.FREE_TEXT, Math.min(free.max(), TextRule.FREE_TEXT_MAX));
            }
            LongLine longLine = property == null ? null : property.getAnnotation(LongLine.class);
            return longLine == null ? this : new Text(TextRule.Kind.LINE, Math.min(longLine.max(), TextRule.FREE_TEXT_MAX));
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            boolean number = p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT;
            if (numbers && number) {
                String text = p.getString(); // the number's text as sent (0.330 stays 0.330)
                String problem = PlainDecimal.problem(text);
                if (problem != null) {
                    throw refused(p, problem, BigDecimal.class);
                }
                return text;
            }
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw refused(p, "must be a string", String.class);
            }
            String value = p.getString();
            String problem = TextRule.problem(value, kind, max);
            if (problem != null) {
                throw refused(p, problem, String.class);
            }
            return value;
        }

        @Override
        public Class<?> handledType() {
            return String.class;
        }
    }

    /** Object keys read into a map keep the same rule as values. */
    static final class TextKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            String problem = TextRule.problem(key, TextRule.Kind.LINE);
            if (problem != null) {
                throw refused(ctxt.getParser(), "a key " + problem, String.class);
            }
            return key;
        }
    }

    /** Floating point: a JSON number that is finite (1e309 overflows to infinity: refused). */
    static final class Finite<T> extends ValueDeserializer<T> {

        private final Class<T> type;

        Finite(Class<T> type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw refused(p, "must be a number", type);
            }
            double value = p.getDoubleValue();
            boolean single = type == Float.class || type == float.class;
            if (!Double.isFinite(value) || (single && !Float.isFinite((float) value))) {
                throw refused(p, "must be a finite number", type);
            }
            return (T) (single ? (Object) (float) value : (Object) value);
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }

    /** Decimals: plain notation only, bounded digits. */
    static final class PlainDecimal extends ValueDeserializer<BigDecimal> {

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            String text;
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                text = p.getString();
            } else if (token == JsonToken.VALUE_STRING) {
                text = p.getString().strip();
            } else {
                throw refused(p, "must be a plain decimal number such as 385000.00", BigDecimal.class);
            }
            String problem = problem(text);
            if (problem != null) {
                throw refused(p, problem, BigDecimal.class);
            }
            return new BigDecimal(text);
        }

        /** Why {@code text} is not a plain decimal of the API's size, or null when it is one. */
        static String problem(String text) {
            if (text == null || text.length() > 64 || !PLAIN.matcher(text).matches()) {
                return "must be a plain decimal number such as 385000.00 (no exponent such as 1e3)";
            }
            BigDecimal value = new BigDecimal(text);
            if (value.precision() - value.scale() > DECIMAL_DIGITS || value.scale() > DECIMAL_SCALE) {
                return "must have at most " + DECIMAL_DIGITS + " digits before the decimal point and " + DECIMAL_SCALE
                        + " after";
            }
            return null;
        }

        @Override
        public Class<?> handledType() {
            return BigDecimal.class;
        }
    }

    /** java.time values come only from ISO-8601 strings, never from numbers (epoch) or arrays. */
    static final class StringsOnlyForTimes extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                ValueDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            if (type.getPackageName().equals("java.time")) {
                return new StringOnly(deserializer, type);
            }
            return deserializer;
        }
    }

    static final class StringOnly extends DelegatingDeserializer {

        private final Class<?> type;

        StringOnly(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new StringOnly(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                String expected = InputTypes.expected(type);
                throw refused(p, expected == null ? "must be an ISO-8601 string" : expected, type);
            }
            Object value = super.deserialize(p, ctxt);
            if (!withinYears(value)) {
                throw refused(p, "must lie between the years " + FIRST_YEAR + " and " + LAST_YEAR, type);
            }
            return value;
        }
    }

    static boolean withinYears(Object value) {
        return switch (value) {
            case LocalDate d -> withinYears(d.getYear());
            case LocalDateTime t -> withinYears(t.getYear());
            case OffsetDateTime t -> withinYears(t.getYear());
            case ZonedDateTime t -> withinYears(t.getYear());
            case YearMonth m -> withinYears(m.getYear());
            case Year y -> withinYears(y.getValue());
            case Instant i -> !i.isBefore(EARLIEST) && i.isBefore(AFTER_LATEST);
            case null, default -> true;
        };
    }

    private static boolean withinYears(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
