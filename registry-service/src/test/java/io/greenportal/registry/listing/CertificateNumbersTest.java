package io.greenportal.registry.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The format of generated certificate numbers: type code, issuer (the province for provincial
 * listings, the city for municipal ones, CN for national ones), year and a serial of four digits.
 */
@Tag("unit")
class CertificateNumbersTest {

    /** Only {@link CertificateNumbers#block} reaches the database; the format needs none. */
    final CertificateNumbers ningxia = new CertificateNumbers(null, "640000");

    @Test
    void theIssuerIsTheProvinceTheCityOrTheNation() {
        assertThat(ningxia.prefix(ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025, "640104")).isEqualTo("GF-640000-2025");
        assertThat(ningxia.prefix(ListingType.GREEN_FACTORY, Level.MUNICIPAL, 2025, "640104"))
                .as("a county's listing is issued by its city").isEqualTo("GF-640100-2025");
        assertThat(ningxia.prefix(ListingType.GREEN_PARK, Level.MUNICIPAL, 2024, "640200")).isEqualTo("GP-640200-2024");
        assertThat(ningxia.prefix(ListingType.GREEN_PRODUCT, Level.NATIONAL, 2020, "140223")).isEqualTo("GD-CN-2020");
        assertThat(ningxia.prefix(ListingType.GREEN_SUPPLY_CHAIN, Level.PROVINCIAL, 2023, "640502"))
                .isEqualTo("GS-640000-2023");
        assertThat(new CertificateNumbers(null, "140000").prefix(ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2021,
                "140223")).as("another province issues under its own code").isEqualTo("GF-140000-2021");
    }

    @Test
    void theSerialHasFourDigitsAndMoreWhenItNeedsThem() {
        assertThat(CertificateNumbers.numbers("GF-640000-2025", 7, 1)).containsExactly("GF-640000-2025-0007");
        assertThat(CertificateNumbers.numbers("GF-640000-2025", 9999, 1)).containsExactly("GF-640000-2025-9999");
        assertThat(CertificateNumbers.numbers("GF-640000-2025", 10000, 1)).containsExactly("GF-640000-2025-10000");
    }

    @Test
    void aBlockEndsWithTheLastSerialTakenAndLosesNone() {
        // the statement answers the new last serial: a block of 3 after 9 taken is 10, 11, 12
        assertThat(CertificateNumbers.numbers("GD-CN-2020", 12, 3))
                .containsExactly("GD-CN-2020-0010", "GD-CN-2020-0011", "GD-CN-2020-0012");
        assertThat(CertificateNumbers.numbers("GD-CN-2020", 3, 3)).first().isEqualTo("GD-CN-2020-0001");
    }

    @Test
    void aGeneratedNumberIsOneTheRegistryWouldAcceptBack() {
        // an export of generated numbers can be imported elsewhere: they pass the registry's own rule
        for (String number : List.of(CertificateNumbers.numbers("GS-640100-2027", 123456, 1).getFirst(),
                CertificateNumbers.numbers(ningxia.prefix(ListingType.GREEN_PARK, Level.NATIONAL, 2016, "640000"), 1, 1)
                        .getFirst())) {
            assertThat(ListingRules.CERTIFICATE_NUMBER.matcher(number).matches()).as(number).isTrue();
        }
    }
}
