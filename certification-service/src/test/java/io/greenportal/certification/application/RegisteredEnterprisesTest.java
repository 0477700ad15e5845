package io.greenportal.certification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RegisteredEnterprisesTest {

    @Test
    void anEnterpriseIsReviewedInTheCityItIsRegisteredIn() {
        var yinchuan = new RegisteredEnterprises.Registered("宁夏绿源新材料有限公司", "640100", "", "", List.of());
        assertThat(yinchuan.reviewedIn("640100")).isTrue();
        assertThat(yinchuan.reviewedIn("640200")).isFalse();
    }

    @Test
    void whereTheRegistryKnowsNoCityAnyCityOfTheApplicationStands() {
        assertThat(new RegisteredEnterprises.Registered("某园区管理委员会", "640000", "", "", List.of()).reviewedIn("640200"))
                .as("registered at the province level only").isTrue();
        assertThat(new RegisteredEnterprises.Registered("某企业", "", "", "", List.of()).reviewedIn("640200")).isTrue();
    }
}
