package io.greenportal.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BitstringTest {

    @Test
    void indexZeroIsTheLeftMostBitOfTheFirstByte() {
        Bitstring bits = new Bitstring();
        bits.set(0, true);
        bits.set(9, true);
        assertThat(bits.bytes()[0]).isEqualTo((byte) 0x80);
        assertThat(bits.bytes()[1]).isEqualTo((byte) 0x40);
        assertThat(bits.get(0)).isTrue();
        assertThat(bits.get(1)).isFalse();
        bits.set(0, false);
        assertThat(bits.get(0)).isFalse();
    }

    @Test
    void hasTheSpecificationsMinimumSizeAndRoundTripsThroughItsEncoding() {
        Bitstring bits = new Bitstring();
        bits.set(94_567, true);
        bits.set(Bitstring.SIZE - 1, true);
        String encoded = bits.encode();
        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        Bitstring decoded = Bitstring.decode(encoded);
        assertThat(decoded.size()).isEqualTo(131_072);
        assertThat(decoded.get(94_567)).isTrue();
        assertThat(decoded.get(94_566)).isFalse();
        assertThat(decoded).isEqualTo(bits);
    }

    @Test
    void readsTheSpecificationsExampleList() {
        // W3C Bitstring Status List v1.0, example "BitstringStatusListCredential": an empty 16 KiB list
        Bitstring example = Bitstring.decode("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");
        assertThat(example.size()).isEqualTo(131_072);
        assertThat(example).isEqualTo(new Bitstring());
    }

    @Test
    void refusesWhatIsNotAnEncodedListAndIndexesOutsideIt() {
        assertThatThrownBy(() -> Bitstring.decode("H4sIAAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bitstring.decode("uAAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bitstring().get(Bitstring.SIZE)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
