package io.greenportal.certification.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of expert review (专家评审): what a score may be, when a round's scores are all in,
 * and what their mean decides against the batch's pass mark.
 */
final class ExpertScores {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ExpertScores() {
    }

    /** Why an expert cannot give this score, or null: 0 to 100 with at most two decimals. */
    static String problem(BigDecimal score) {
        if (score.signum() < 0 || score.compareTo(HUNDRED) > 0 || score.stripTrailingZeros().scale() > 2) {
            return "must be between 0 and 100 with at most two decimals";
        }
        return null;
    }

    /** The scores decide once every assigned expert has scored and at least the batch's minimum are assigned. */
    static boolean complete(int assigned, int scored, int minExperts) {
        return assigned >= minExperts && scored >= assigned;
    }

    /** The mean as it is shown and compared: two decimals, half up. */
    static BigDecimal mean(BigDecimal average) {
        return average.setScale(2, RoundingMode.HALF_UP);
    }

    /** A mean at the pass mark passes. */
    static boolean passes(BigDecimal mean, BigDecimal passMark) {
        return mean.compareTo(passMark) >= 0;
    }
}
