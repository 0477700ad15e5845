package io.greenportal.certification.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.UUID;

import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A national decision's version counts the dossier's decisions: from 1, and never absurdly far. */
@Tag("unit")
class DecisionRulesTest {

    static DecisionEvent accepted(Integer version) {
        return new DecisionEvent("evt-1", UUID.randomUUID(), version, "ACCEPTED", "GF-2026-0001",
                LocalDate.parse("2026-05-01"), null, null);
    }

    @Test
    void theVersionRunsFromOneToAThousand() {
        assertThatCode(() -> DecisionRules.check(accepted(1))).doesNotThrowAnyException();
        assertThatCode(() -> DecisionRules.check(accepted(1_000))).doesNotThrowAnyException();
        for (Integer version : new Integer[] {null, 0, -1, Integer.MIN_VALUE, 1_001, Integer.MAX_VALUE}) {
            assertThat(Refusal.of(() -> DecisionRules.check(accepted(version))).fields()).as("version " + version)
                    .containsExactly("version");
        }
    }
}
