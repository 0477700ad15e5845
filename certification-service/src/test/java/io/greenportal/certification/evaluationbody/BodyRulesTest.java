package io.greenportal.certification.evaluationbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.greenportal.certification.application.ListingType;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What an administrator must give for an evaluation body, and how its status may move. */
@Tag("unit")
class BodyRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    static final String CODE = "91640100MA76E0001Y";

    static BodyRules.BodyRequest request(String name, String code, List<String> types, LocalDate until, String contact,
            List<String> affiliations) {
        return new BodyRules.BodyRequest(name, code, types, until, contact, affiliations);
    }

    @Test
    void aCompleteBodyIsCleanedUp() {
        var content = BodyRules.check(request(" 宁夏节能低碳评价中心 ", " 91640100ma76e0001y ", List.of("GREEN_FACTORY", "GREEN_PARK"),
                TODAY.plusYears(1), "王工 0951-5551234", List.of("91640100MA76A00010", "91640100MA76A00010")), TODAY);
        assertThat(content.name()).isEqualTo("宁夏节能低碳评价中心");
        assertThat(content.creditCode()).isEqualTo(CODE);
        assertThat(content.types()).containsExactly(ListingType.GREEN_FACTORY, ListingType.GREEN_PARK);
        assertThat(content.affiliations()).containsExactly("91640100MA76A00010");
    }

    @Test
    void everyWrongFieldIsNamed() {
        var refusal = Refusal.of(() -> BodyRules.check(request(" ", "91640100MA76E00011", List.of("GREEN_HOUSE"),
                TODAY.minusDays(1), null, List.of("nope")), TODAY));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.fields()).containsExactly("name", "creditCode", "types", "qualifiedUntil", "affiliations[0]",
                "contact");
        assertThat(refusal.detail()).contains("check character");
        assertThat(Refusal.of(() -> BodyRules.check(null, TODAY)).field()).isEqualTo("name");
        assertThat(Refusal.of(() -> BodyRules.check(request("机构", CODE, List.of(), TODAY, "x", null), TODAY)).fields())
                .containsExactly("types");
    }

    @Test
    void statusMovesNeedAReasonAndFollowTheRules() {
        assertThat(BodyRules.target(BodyStatus.ACTIVE, new BodyRules.StatusRequest("SANCTIONED", "出具虚假报告"))).isEqualTo(BodyStatus.SANCTIONED);
        assertThat(BodyRules.target(BodyStatus.SUSPENDED, new BodyRules.StatusRequest("ACTIVE", "整改完成"))).isEqualTo(BodyStatus.ACTIVE);
        assertThat(Refusal.of(() -> BodyRules.target(BodyStatus.ACTIVE, new BodyRules.StatusRequest("SUSPENDED", " "))).field())
                .isEqualTo("reason");
        assertThat(Refusal.of(() -> BodyRules.target(BodyStatus.ACTIVE, new BodyRules.StatusRequest("CLOSED", "x"))).field())
                .isEqualTo("status");
        var refusal = Refusal.of(() -> BodyRules.target(BodyStatus.SANCTIONED, new BodyRules.StatusRequest("SUSPENDED", "x")));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.properties()).containsEntry("currentStatus", "SANCTIONED");
        assertThat(Refusal.of(() -> BodyRules.target(BodyStatus.ACTIVE, new BodyRules.StatusRequest("ACTIVE", "x"))).status())
                .isEqualTo(409);
    }
}
