package io.greenportal.incentive;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.greenportal.platform.web.ApiException;

/**
 * Money is CNY as an exact decimal with two places (fen). Every amount a client sends passes
 * {@link #check}: positive, at most two decimals, and not absurd.
 */
public final class Money {

    /** 1,000 亿元: more than any provincial program or green loan; anything above is a typo or an attack. */
    public static final BigDecimal MAX = new BigDecimal("100000000000.00");
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** The amount with scale 2, or a 400 naming {@code field}. */
    public static BigDecimal check(String field, BigDecimal amount) {
        if (amount == null) {
            throw ApiException.invalid(field, "is required (CNY, up to two decimals)");
        }
        if (amount.signum() <= 0) {
            throw ApiException.invalid(field, "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw ApiException.invalid(field, "has more than two decimals: amounts are CNY to the fen");
        }
        if (amount.compareTo(MAX) > 0) {
            throw ApiException.invalid(field, "is implausibly large (more than " + MAX.toPlainString() + " CNY)");
        }
        return of(amount);
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Rounds a computed amount down to the fen: a rule never proposes more than it allows. */
    public static BigDecimal floor(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.DOWN);
    }
}
