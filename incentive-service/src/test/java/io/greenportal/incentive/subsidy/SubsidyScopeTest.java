package io.greenportal.incentive.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.incentive.support.Callers;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Whose subsidy applications a caller sees: an enterprise its own, a municipal reviewer its city's, the province all. */
@Tag("unit")
class SubsidyScopeTest {

    @Test
    void eachRoleSeesItsScope() {
        assertThat(SubsidyService.scope(Callers.admin())).isEqualTo(new SubsidyStore.Scope(null, null));
        assertThat(SubsidyService.scope(Callers.revProv())).isEqualTo(new SubsidyStore.Scope(null, null));
        assertThat(SubsidyService.scope(Callers.revCity())).isEqualTo(new SubsidyStore.Scope(null, "640100"));
        assertThat(SubsidyService.scope(Callers.entA())).isEqualTo(new SubsidyStore.Scope("91640100MA76A00010", null));
    }

    @Test
    void withoutTheAttributeThatScopesThemCallersSeeNothing() {
        assertThat(Refusal.of(() -> SubsidyService.scope(Callers.municipalWithoutCity())).status()).isEqualTo(403);
        var noCode = Refusal.of(() -> SubsidyService.scope(Callers.enterpriseWithoutCode()));
        assertThat(noCode.status()).isEqualTo(403);
        assertThat(noCode.detail()).isEqualTo("Your account carries no enterprise credit code");
        assertThat(Refusal.of(() -> SubsidyService.scope(Callers.bankA())).status()).as("a bank is no applicant")
                .isEqualTo(403);
    }

    @Test
    void textsAreStrippedRequiredWhenSaidAndLimited() {
        assertThat(SubsidyService.text("comment", "  同意按规则上限拨付 ", false, 1000)).isEqualTo("同意按规则上限拨付");
        assertThat(SubsidyService.text("comment", " ", false, 1000)).isNull();
        assertThat(Refusal.of(() -> SubsidyService.text("reason", null, true, 1000)).detail()).isEqualTo("is required");
        assertThat(Refusal.of(() -> SubsidyService.text("reason", "\t", true, 1000)).detail()).isEqualTo("must not be blank");
        assertThat(Refusal.of(() -> SubsidyService.text("reason", "因".repeat(1001), true, 1000)).detail())
                .isEqualTo("must be at most 1000 characters");
    }
}
