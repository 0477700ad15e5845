package io.greenportal.incentive.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every decimal a client sends (money, rates, shares) is read only in plain notation, as a JSON
 * number or a string: {@code 385000.00}, {@code "385000.00"}. {@code 1e3} or {@code "1E+3"} is
 * refused rather than read as 1000: nobody types an amount of money that way by intent, and reading
 * it silently hides a client bug.
 */
@Configuration(proxyBeanMethods = false)
public class PlainDecimals {

    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    @Bean
    JacksonModule plainDecimalModule() {
        return new SimpleModule("plain-decimals").addDeserializer(BigDecimal.class, new Deserializer());
    }

    static final class Deserializer extends ValueDeserializer<BigDecimal> {

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                String text = p.getString();
                if (text != null && (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)) {
                    throw notPlain(p, text);
                }
                return p.getDecimalValue();
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getString().strip();
                if (!PLAIN.matcher(text).matches()) {
                    throw notPlain(p, text);
                }
                return new BigDecimal(text);
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }

        private static InvalidFormatException notPlain(JsonParser p, String text) {
            return InvalidFormatException.from(p, "'" + text + "' is not a plain decimal number", text, BigDecimal.class);
        }
    }
}
