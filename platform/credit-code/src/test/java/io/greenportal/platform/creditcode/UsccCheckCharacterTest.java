package io.greenportal.platform.creditcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GB 32100-2015 check character at its edges: check = 31 - (sum mod 31), where a remainder of 0
 * would give 31 and becomes 0 instead, and a remainder of 1 gives the last character of the alphabet.
 */
@Tag("unit")
class UsccCheckCharacterTest {

    @ParameterizedTest(name = "{0}: remainder {1}")
    @CsvSource({
            // real codes of PRODUCT.md
            "914403001922038216, 25",
            "9144030071526726XG, 15",
            "91330100716105852F, 16",
            // the demo enterprise ent-a: weighted sum divisible by 31, so 31 becomes 0
            "91640100MA76A00010, 0",
            "911402007100000030, 0",
            // remainder 1: check value 30, the alphabet's last character Y
            "91640100MA76A000BY, 1",
            "91140200710000022Y, 1"})
    void theCheckCharacterIsThirtyOneMinusTheRemainderWithThirtyOneWrittenAsZero(String code, int remainder) {
        assertThat(Uscc.problem(code)).isNull();
        assertThat(Uscc.withCheckCharacter(code.substring(0, 17))).isEqualTo(code);
        // every other check character is refused
        for (char other : Uscc.ALPHABET.toCharArray()) {
            if (other != code.charAt(17)) {
                assertThat(Uscc.problem(code.substring(0, 17) + other)).as("%s with %s", code, other)
                        .isEqualTo("the check character does not match: this is not a valid USCC");
            }
        }
    }

    @Test
    void aSumDivisibleByThirtyOneNeverYieldsAnOutOfRangeCheckCharacter() {
        // 31 would be past the end of the 31-character alphabet: it is written 0, never refused
        assertThat(Uscc.withCheckCharacter("91640100MA76A0001")).endsWith("0");
        assertThat(Uscc.isValid("91640100MA76A00010")).isTrue();
        assertThat(Uscc.isValid("91640100MA76A0001Y")).isFalse();
    }

    @Test
    void theLettersIOSVAndZAreNotInTheAlphabetAnywhere() {
        for (char letter : "IOSVZ".toCharArray()) {
            String code = "9144030019220382" + letter + "6";
            assertThat(Uscc.problem(code)).isEqualTo("character 17 ('" + letter + "') is not allowed in a USCC");
        }
        assertThat(Uscc.problem("I14403001922038216")).startsWith("character 1 ('I')");
    }

    @Test
    void lengthAndPresenceAreNamedBeforeTheCheck() {
        assertThat(Uscc.problem(null)).isEqualTo("a unified social credit code (USCC) is required");
        assertThat(Uscc.problem("")).isEqualTo("a unified social credit code (USCC) is required");
        assertThat(Uscc.problem("91440300192203821")).isEqualTo("a USCC has 18 characters, not 17");
        assertThat(Uscc.problem("9144030019220382160")).isEqualTo("a USCC has 18 characters, not 19");
    }

    @Test
    void typedCodesAreNormalisedBeforeTheyAreChecked() {
        // a bank pastes a code in lower case with a trailing space: the same code as the registry keys on
        assertThat(Uscc.normalize(" 9144030071526726xg ")).isEqualTo("9144030071526726XG");
        assertThat(Uscc.isValid(Uscc.normalize("91330100716105852f\t"))).isTrue();
        assertThat(Uscc.isValid("91330100716105852f")).as("lower case as such is not a USCC").isFalse();
        assertThat(Uscc.normalize(null)).isNull();
        // typed with a Chinese input method: full-width digits and letters, an ideographic space
        assertThat(Uscc.normalize("\u3000９１４４０３００７１５２６７２６ｘｇ")).isEqualTo("9144030071526726XG");
        assertThat(Uscc.isValid(Uscc.normalize("９１３３０１００７１６１０５８５２Ｆ"))).isTrue();
    }
}
