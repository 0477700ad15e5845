package io.greenportal.registry.listing;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/** One measured indicator of a listing. The value is an exact decimal, written as a JSON string. */
public record Indicator(String code, String name, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value,
        String unit) {
}
