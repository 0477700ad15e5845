package io.greenportal.certification.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A batch's cap on engagements per body is a whole number from 1 to 1,000. */
@Tag("unit")
class EvaluationCapsTest {

    @Test
    void theCapRunsFromOneToAThousand() {
        assertThat(EvaluationCaps.check(new EvaluationCaps.CapRequest(1))).isEqualTo(1);
        assertThat(EvaluationCaps.check(new EvaluationCaps.CapRequest(1_000))).isEqualTo(1_000);
        for (Integer cap : new Integer[] {null, 0, -1, 1_001, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(Refusal.of(() -> EvaluationCaps.check(new EvaluationCaps.CapRequest(cap))).fields())
                    .as("cap " + cap).containsExactly("cap");
        }
        assertThat(Refusal.of(() -> EvaluationCaps.check(null)).fields()).containsExactly("cap");
    }
}
