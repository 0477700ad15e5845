package io.greenportal.certification.application;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/** One measured indicator with its unit. The value is an exact decimal, written as a JSON string. */
public record Indicator(String code, String name, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value,
        String unit) {
}
