package io.greenportal.incentive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.incentive.support.Listings;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Green-credit referrals (绿色信贷): the listing a referral rests on, and what a bank's approval may be:
 * at most the amount asked for, a yearly rate above 0 and at most 24 %, a term of 1-360 months.
 */
@Tag("unit")
class ReferralRulesTest {

    static final OffsetDateTime ASKED = OffsetDateTime.parse("2026-05-20T09:00:00+08:00");

    /** ent-a asks for 500 万元 over 36 months for a kiln retrofit. */
    static final CreditReferral ASKED_FOR = new CreditReferral(UUID.randomUUID(), "91640100MA76A00010", "宁夏绿源新材料有限公司",
            "640106", new CreditReferral.QualifyingListing(UUID.randomUUID(), "GF-640000-2025-0007", "GREEN_FACTORY",
                    "PROVINCIAL"), new BigDecimal("5000000.00"), 36, "窑炉余热回收技术改造", null, null, ReferralStatus.ACCEPTED,
            "NXBANK", ASKED, ASKED.plusHours(2), null, null, null, null, ASKED.plusHours(2));

    static ReferralService.Decision approve(String amount, String rate, Integer term, String reason) {
        return new ReferralService.Decision("APPROVED", amount == null ? null : new BigDecimal(amount),
                rate == null ? null : new BigDecimal(rate), term, reason);
    }

    @Test
    void anApprovalWithinTheRequestIsRecordedWithTheRequestedTermByDefault() {
        var approval = ReferralService.approval(approve("4500000", "3.45", null, null), ASKED_FOR);
        assertThat(approval.amount()).isEqualTo(new BigDecimal("4500000.00"));
        assertThat(approval.annualRatePercent()).isEqualTo(new BigDecimal("3.45"));
        assertThat(approval.termMonths()).isEqualTo(36);
        assertThat(ReferralService.approval(approve("5000000.00", "24", 60, " "), ASKED_FOR).termMonths()).isEqualTo(60);
    }

    @Test
    void aBankApprovesAtMostWhatWasAskedFor() {
        assertThat(Refusal.of(() -> ReferralService.approval(approve("5000000.01", "3.45", null, null), ASKED_FOR)).detail())
                .isEqualTo("approvedAmount: cannot exceed the 5000000.00 CNY the enterprise asked for");
    }

    @Test
    void theRateIsAboveZeroAndAtMostTwentyFourPercentWithFourDecimals() {
        for (String rate : new String[] {"0.0001", "3.4500", "24", "24.0000"}) {
            assertThat(ReferralService.approval(approve("1000000", rate, null, null), ASKED_FOR).annualRatePercent())
                    .isEqualByComparingTo(rate);
        }
        assertThat(Refusal.of(() -> ReferralService.approval(approve("1000000", "0", null, null), ASKED_FOR)).detail())
                .isEqualTo("annualRatePercent: must be above 0 and at most 24 (percent a year), not 0");
        assertThat(Refusal.of(() -> ReferralService.approval(approve("1000000", "24.0001", null, null), ASKED_FOR)).detail())
                .isEqualTo("annualRatePercent: must be above 0 and at most 24 (percent a year), not 24.0001");
        assertThat(Refusal.of(() -> ReferralService.approval(approve("1000000", "3.45678", null, null), ASKED_FOR)).detail())
                .isEqualTo("annualRatePercent: may have at most four decimals, not 3.45678");
    }

    @Test
    void everyWrongFieldOfAnApprovalIsNamedAtOnce() {
        var refusal = Refusal.of(() -> ReferralService.approval(approve("0.001", null, 361, "利率优惠"), ASKED_FOR));
        assertThat(refusal.fields()).containsExactly("approvedAmount", "annualRatePercent", "termMonths", "reason");
        assertThat(refusal.detail()).contains("termMonths: must be 1 to 360 months, not 361")
                .contains("reason: is for declines only");
        assertThat(Refusal.of(() -> ReferralService.approval(approve("1000000", "3.45", 0, null), ASKED_FOR)).fields())
                .containsExactly("termMonths");
    }

    @Test
    void aReferralRestsOnTheEnterprisesHighestActiveListingThenItsNewest() {
        var holder = EnterpriseListings.newBuilder().setUscc("91640100MA76A00010").setFound(true)
                .addListings(Listings.ningxia(ListingType.GREEN_FACTORY, Level.MUNICIPAL, 2025).setId("municipal-2025"))
                .addListings(Listings.ningxia(ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2021).setId("provincial-2021"))
                .addListings(Listings.ningxia(ListingType.GREEN_PRODUCT, Level.PROVINCIAL, 2024).setId("provincial-2024"))
                .addListings(Listings.ningxia(ListingType.GREEN_FACTORY, Level.NATIONAL, 2023).setId("national-revoked")
                        .setStatus(ListingStatus.REVOKED))
                .build();
        assertThat(ReferralService.qualifying(holder).getId()).isEqualTo("provincial-2024");
        var withNational = holder.toBuilder()
                .addListings(Listings.ningxia(ListingType.GREEN_PARK, Level.NATIONAL, 2019).setId("national-2019")).build();
        assertThat(ReferralService.qualifying(withNational).getId()).isEqualTo("national-2019");
    }

    @Test
    void anEnterpriseWithoutAnActiveListingIsToldWhatItHolds() {
        var suspendedOnly = EnterpriseListings.newBuilder().setUscc("91640200MA76B00020").setFound(true)
                .addListings(Listings.ningxia(ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2022)
                        .setCertificateNumber("GF-640000-2022-0031").setStatus(ListingStatus.SUSPENDED)
                        .setStatusReason("年度报告逾期未报送"))
                .build();
        var refusal = Refusal.of(() -> ReferralService.qualifying(suspendedOnly));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.type()).isEqualTo("no-active-listing");
        assertThat(refusal.detail()).isEqualTo("Your enterprise holds no ACTIVE green listing: GF-640000-2022-0031 is "
                + "SUSPENDED (年度报告逾期未报送)");
        assertThat(refusal.properties()).containsKey("listings");
        var unknown = EnterpriseListings.newBuilder().setUscc("914403001922038216").setFound(false).build();
        assertThat(Refusal.of(() -> ReferralService.qualifying(unknown)).detail())
                .isEqualTo("Your enterprise holds no green listing in the registry; a referral needs an ACTIVE one");
    }

    @Test
    void textsAreStrippedAndLimited() {
        assertThat(ReferralService.text("purpose", " 窑炉余热回收技术改造 ", true, 1000)).isEqualTo("窑炉余热回收技术改造");
        assertThat(Refusal.of(() -> ReferralService.text("purpose", null, true, 1000)).detail()).isEqualTo("is required");
        assertThat(ReferralService.text("projectReference", "", false, 200)).isNull();
    }
}
