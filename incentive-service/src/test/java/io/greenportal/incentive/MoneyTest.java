package io.greenportal.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CNY to the fen, exactly: what an amount a client sends may be, and how a computed amount is rounded. */
@Tag("unit")
class MoneyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"3850000, 3850000.00", "3850000.5, 3850000.50", "0.01, 0.01", "1420540.000, 1420540.00",
            "100000000000.00, 100000000000.00"})
    void anAmountIsKeptToTheFen(String sent, String kept) {
        BigDecimal amount = Money.check("amount", new BigDecimal(sent));
        assertThat(amount).isEqualTo(new BigDecimal(kept));
        assertThat(amount.scale()).isEqualTo(2);
    }

    @Test
    void anAmountIsPositiveToTheFenAndPlausible() {
        assertThat(Refusal.of(() -> Money.check("amount", null)).detail()).isEqualTo("is required (CNY, up to two decimals)");
        assertThat(Refusal.of(() -> Money.check("amount", BigDecimal.ZERO)).detail()).isEqualTo("must be more than zero");
        assertThat(Refusal.of(() -> Money.check("amount", new BigDecimal("-0.01"))).detail()).isEqualTo("must be more than zero");
        assertThat(Refusal.of(() -> Money.check("approvedAmount", new BigDecimal("385000.001"))).detail())
                .isEqualTo("has more than two decimals: amounts are CNY to the fen");
        var huge = Refusal.of(() -> Money.check("budget", new BigDecimal("100000000000.01")));
        assertThat(huge.fields()).containsExactly("budget");
        assertThat(huge.detail()).isEqualTo("is implausibly large (more than 100000000000.00 CNY)");
    }

    @Test
    void aComputedAmountIsRoundedDownSoARuleNeverProposesAFenTooMuch() {
        assertThat(Money.floor(new BigDecimal("123456.789"))).isEqualTo(new BigDecimal("123456.78"));
        assertThat(Money.floor(new BigDecimal("2007190.0000"))).isEqualTo(new BigDecimal("2007190.00"));
        assertThat(Money.floor(new BigDecimal("0.009"))).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.of(new BigDecimal("3850000"))).isEqualTo(new BigDecimal("3850000.00"));
        assertThat(Money.of(null)).isNull();
        assertThat(Money.ZERO).isEqualTo(new BigDecimal("0.00"));
    }
}
