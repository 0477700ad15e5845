package io.greenportal.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string field of a request body that holds a decimal the service checks itself (an
 * indicator value): like every decimal of the API it may come as a JSON number ({@code 0.330}) or a
 * string ({@code "0.330"}), and a number is taken as the text it was sent in, trailing zeros kept. A
 * number is a plain decimal of the API's size (no exponent, 15 digits before the point, 6 after) or a
 * 400 naming the field, as a {@code BigDecimal} field's would be; a string is the service's to check.
 * Give the field {@code @Schema(implementation = BigDecimal.class)} so that its API document says so.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DecimalText {
}
