package io.greenportal.platform.creditcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100716105852F", "91640100MA76A00010"})
    void acceptsRealAndDemoCodes(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
        assertThat(new Uscc(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038217", "9144030071526726XH", "91440300192203821", "9144030019220382160",
            "91440300192203821I", "91440300192203821O", "914403001922038z16", ""})
    void refusesWrongCheckCharactersLengthsAndLetters(String code) {
        assertThat(Uscc.problem(code)).isNotNull();
        assertThatThrownBy(() -> new Uscc(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91440300192203821", "9144030071526726X", "91330100716105852"})
    void computesTheCheckCharacter(String first17) {
        assertThat(Uscc.isValid(Uscc.withCheckCharacter(first17))).isTrue();
    }
}
