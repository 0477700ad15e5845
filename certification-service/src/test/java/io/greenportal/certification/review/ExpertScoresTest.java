package io.greenportal.certification.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expert review (专家评审): scores of 0-100 with two decimals; once every assigned expert (at least the
 * batch's minimum) has scored, the mean, rounded half up to two decimals, decides against the pass mark.
 */
@Tag("unit")
class ExpertScoresTest {

    static final BigDecimal PASS_MARK = new BigDecimal("80.00");

    /** The average as PostgreSQL's avg(numeric) gives it: many decimals, not yet rounded. */
    static BigDecimal average(String... scores) {
        BigDecimal sum = List.of(scores).stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(scores.length), MathContext.DECIMAL64);
    }

    static boolean passes(String... scores) {
        return ExpertScores.passes(ExpertScores.mean(average(scores)), PASS_MARK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.01", "59.5", "80", "85.50", "85.500", "99.99", "100", "100.00"})
    void aScoreIsZeroToAHundredWithAtMostTwoDecimals(String score) {
        assertThat(ExpertScores.problem(new BigDecimal(score))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "100.01", "101", "85.555", "79.999"})
    void anythingElseIsRefused(String score) {
        assertThat(ExpertScores.problem(new BigDecimal(score)))
                .isEqualTo("must be between 0 and 100 with at most two decimals");
    }

    @ParameterizedTest(name = "{0} assigned, {1} scored, minimum {2}: {3}")
    @CsvSource({
            "3, 3, 3, true",
            "5, 5, 3, true",
            "3, 2, 3, false",
            "5, 4, 3, false",
            "2, 2, 3, false",
            "0, 0, 3, false"})
    void theScoresDecideOnlyWhenEveryAssignedExpertOfEnoughHasScored(int assigned, int scored, int min, boolean complete) {
        assertThat(ExpertScores.complete(assigned, scored, min)).isEqualTo(complete);
    }

    @Test
    void aMeanExactlyAtThePassMarkPasses() {
        assertThat(ExpertScores.mean(average("82.50", "78.00", "79.50"))).isEqualTo(new BigDecimal("80.00"));
        assertThat(passes("82.50", "78.00", "79.50")).isTrue();
        assertThat(passes("80", "80", "80")).isTrue();
        assertThat(passes("82.50", "78.00", "79.47")).as("mean 79.99").isFalse();
    }

    @Test
    void theMeanIsRoundedHalfUpToTwoDecimalsBeforeItIsCompared() {
        // 239.99 / 3 = 79.99666...: shown and compared as 80.00, which passes
        assertThat(ExpertScores.mean(average("82.50", "78.00", "79.49"))).isEqualTo(new BigDecimal("80.00"));
        assertThat(passes("82.50", "78.00", "79.49")).isTrue();
        // 79.995 rounds up, 79.994999... down
        assertThat(ExpertScores.mean(new BigDecimal("79.9950000000000000"))).isEqualTo(new BigDecimal("80.00"));
        assertThat(ExpertScores.mean(new BigDecimal("79.9949999999999999"))).isEqualTo(new BigDecimal("79.99"));
        // four experts: 319.97 / 4 = 79.9925 → 79.99
        assertThat(passes("80", "80", "80", "79.97")).isFalse();
    }

    @Test
    void thePassMarkIsTheBatchs() {
        assertThat(ExpertScores.passes(new BigDecimal("75.00"), new BigDecimal("75.00"))).isTrue();
        assertThat(ExpertScores.passes(new BigDecimal("74.99"), new BigDecimal("75.00"))).isFalse();
        assertThat(ExpertScores.passes(new BigDecimal("100.00"), new BigDecimal("100"))).isTrue();
        assertThat(ExpertScores.passes(new BigDecimal("0.00"), new BigDecimal("0"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"expert1", "zhang.san", "li-si@nxgx", "expert_1", "e2"})
    void expertsAreNamedByTheirKeycloakUserNames(String name) {
        assertThat(ExpertReviewService.USERNAME.matcher(name).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Expert1", "e", "-expert", "_expert", "专家一", "expert one", ""})
    void otherNamesAreNotUserNames(String name) {
        assertThat(ExpertReviewService.USERNAME.matcher(name).matches()).isFalse();
    }

    @Test
    void aUserNameHasAtMost64Characters() {
        assertThat(ExpertReviewService.USERNAME.matcher("e".repeat(64)).matches()).isTrue();
        assertThat(ExpertReviewService.USERNAME.matcher("e".repeat(65)).matches()).isFalse();
    }
}
