package io.greenportal.incentive.program;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A subsidy program (奖补项目): who qualifies, how much it proposes, when enterprises may apply and
 * the budget that approvals draw on. {@code committed} is the sum of approved amounts.
 */
public record Program(UUID id, String code, String name, ProgramKind kind, String description,
        Eligibility eligibility, AmountRule amountRule, OffsetDateTime opensAt, OffsetDateTime closesAt,
        BigDecimal budget, BigDecimal committed, BigDecimal disbursed, OffsetDateTime createdAt, String createdBy,
        OffsetDateTime updatedAt) {

    @JsonProperty("remaining")
    public BigDecimal remaining() {
        return budget.subtract(committed);
    }

    public boolean openAt(OffsetDateTime time) {
        return !time.isBefore(opensAt) && time.isBefore(closesAt);
    }
}
