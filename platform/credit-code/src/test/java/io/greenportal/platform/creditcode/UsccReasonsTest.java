package io.greenportal.platform.creditcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases a bank's verification met (GB 32100-2015): the zero remainder, and a reason for
 * every refusal (lower case and surrounding spaces are refused here: callers normalise first).
 */
@Tag("unit")
class UsccReasonsTest {

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100716105852F", "91640100MA76A00010",
            "91640200MA76B00020"})
    void realAndDemoCodesPass(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
        assertThat(new Uscc(code)).hasToString(code);
    }

    @ParameterizedTest(name = "{0}: remainder {1}")
    @CsvSource({"91640100MA76A00010, 0", "911402007100000030, 0", "91640100MA76A000BY, 1", "91140200710000022Y, 1"})
    void aRemainderOfZeroGivesZeroNotThirtyOne(String code, int remainder) {
        assertThat(Uscc.withCheckCharacter(code.substring(0, 17))).isEqualTo(code);
        assertThat(Uscc.isValid(code.substring(0, 17) + (code.endsWith("0") ? "Y" : "0"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038217", "9144030071526726XH", "91330100716105852G", "91440300192203821",
            "9144030019220382160", "91440300192203821I", "9144030019220382O6", "9144030071526726xg", " 914403001922038216"})
    void wrongCodesAreRefusedWithTheReason(String code) {
        assertThat(Uscc.problem(code)).isNotNull();
        assertThatThrownBy(() -> new Uscc(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Uscc.problem(code));
    }

    @Test
    void theReasonNamesWhatIsWrong() {
        assertThat(Uscc.problem(null)).isEqualTo("a unified social credit code (USCC) is required");
        assertThat(Uscc.problem("9144030019220382")).isEqualTo("a USCC has 18 characters, not 16");
        assertThat(Uscc.problem("91440300192203821Z")).isEqualTo("character 18 ('Z') is not allowed in a USCC");
        assertThat(Uscc.problem("914403001922038217"))
                .isEqualTo("the check character does not match: this is not a valid USCC");
    }
}
