package io.greenportal.incentive.program;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A program as an administrator sends it; {@link ProgramRules} checks every field. */
public record ProgramRequest(String code, String name, String kind, String description, Eligibility eligibility,
        AmountRule amountRule, OffsetDateTime opensAt, OffsetDateTime closesAt, BigDecimal budget) {
}
