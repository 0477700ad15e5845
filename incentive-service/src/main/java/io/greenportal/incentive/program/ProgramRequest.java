package io.greenportal.incentive.program;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import io.greenportal.platform.web.FreeText;

/** A program as an administrator sends it; {@link ProgramRules} checks every field. */
public record ProgramRequest(String code, String name, String kind, @FreeText String description, Eligibility eligibility,
        AmountRule amountRule, OffsetDateTime opensAt, OffsetDateTime closesAt, BigDecimal budget) {
}
