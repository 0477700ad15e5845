package io.greenportal.incentive.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.incentive.support.Listings;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which listings qualify for a program: ACTIVE ones of its types, levels, years and regions (an empty list: any). */
@Tag("unit")
class EligibilityTest {

    static final Eligibility ANY = new Eligibility(null, null, null, null);
    /** Datong's provincial retrofit fund: active provincial or national factories of 2020-2022 in 大同市. */
    static final Eligibility DATONG = new Eligibility(List.of("GREEN_FACTORY"), List.of("NATIONAL", "PROVINCIAL"),
            List.of(2020, 2021, 2022), List.of("140200"));

    @Test
    void anEmptyEligibilityTakesEveryActiveListing() {
        assertThat(ANY.types()).isEmpty();
        assertThat(ANY.reasons(Listings.datongFactory(Level.MUNICIPAL, 2017).build())).isEmpty();
        assertThat(ANY.reasons(Listings.ningxia(ListingType.GREEN_PRODUCT, Level.NATIONAL, 2025).build())).isEmpty();
    }

    @Test
    void aListingOfTheProgramsKindQualifies() {
        assertThat(DATONG.reasons(Listings.datongFactory(Level.PROVINCIAL, 2021).build())).isEmpty();
        assertThat(DATONG.reasons(Listings.datongFactory(Level.NATIONAL, 2020).build())).isEmpty();
    }

    @Test
    void onlyActiveListingsQualifyAndTheReasonIsSaid() {
        var suspended = Listings.datongFactory(Level.PROVINCIAL, 2021).setStatus(ListingStatus.SUSPENDED)
                .setStatusReason("年度报告逾期未报送，限期三个月整改").build();
        assertThat(DATONG.reasons(suspended)).containsExactly("listing GF-140000-2021-0008 is SUSPENDED "
                + "(年度报告逾期未报送，限期三个月整改): only ACTIVE listings qualify");
        var revoked = Listings.datongFactory(Level.PROVINCIAL, 2021).setStatus(ListingStatus.REVOKED).build();
        assertThat(ANY.reasons(revoked)).containsExactly("listing GF-140000-2021-0008 is REVOKED: only ACTIVE listings qualify");
    }

    @Test
    void everyReasonIsGivenAtOnce() {
        var ningxiaMunicipalPark = Listings.ningxia(ListingType.GREEN_PARK, Level.MUNICIPAL, 2019).build();
        assertThat(DATONG.reasons(ningxiaMunicipalPark)).containsExactly(
                "listing GF-640000-2019-0007 is a GREEN_PARK; the program is for GREEN_FACTORY",
                "listing GF-640000-2019-0007 is MUNICIPAL; the program is for NATIONAL, PROVINCIAL",
                "listing GF-640000-2019-0007 was granted for 2019; the program is for the years 2020, 2021, 2022",
                "the enterprise's region 640106 is outside the program's regions 140200");
    }

    @Test
    void aProvinceOrCityIncludesEverythingUnderIt() {
        var yunzhou = Listings.datongFactory(Level.PROVINCIAL, 2021).build(); // 云冈区 140214 of 大同市
        assertThat(new Eligibility(null, null, null, List.of("140000")).reasons(yunzhou)).isEmpty();
        assertThat(new Eligibility(null, null, null, List.of("140200")).reasons(yunzhou)).isEmpty();
        assertThat(new Eligibility(null, null, null, List.of("140214")).reasons(yunzhou)).isEmpty();
        assertThat(new Eligibility(null, null, null, List.of("140223")).reasons(yunzhou)).as("another county").hasSize(1);
        assertThat(new Eligibility(null, null, null, List.of("140300")).reasons(yunzhou)).as("阳泉市").hasSize(1);
        assertThat(new Eligibility(null, null, null, List.of("640000", "140200")).reasons(yunzhou))
                .as("any of the regions").isEmpty();
    }

    @Test
    void missingListsMeanAnyAndNullEntriesAreKeptForValidationToName() {
        var withNull = new Eligibility(Arrays.asList("GREEN_FACTORY", null), null, null, null);
        assertThat(withNull.types()).containsExactly("GREEN_FACTORY", null);
        assertThat(withNull.levels()).isEmpty();
    }
}
