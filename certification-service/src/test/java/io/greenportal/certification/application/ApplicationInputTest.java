package io.greenportal.certification.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.certification.support.Callers;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The small input rules of an application: its type as a code, a comment's length, the enterprise's code. */
@Tag("unit")
class ApplicationInputTest {

    @Test
    void theTypeIsACodeWrittenExactly() {
        assertThat(ApplicationService.type(" GREEN_PARK ")).isEqualTo(ListingType.GREEN_PARK);
        assertThat(Refusal.of(() -> ApplicationService.type("green_park")).detail())
                .isEqualTo("'green_park' is not one of [GREEN_FACTORY, GREEN_PARK, GREEN_PRODUCT, GREEN_SUPPLY_CHAIN]");
        assertThat(Refusal.of(() -> ApplicationService.type(" ")).detail())
                .isEqualTo("is required: one of [GREEN_FACTORY, GREEN_PARK, GREEN_PRODUCT, GREEN_SUPPLY_CHAIN]");
    }

    @Test
    void aCommentIsOptionalStrippedAndAtMost2000Characters() {
        assertThat(ApplicationService.clean(null)).isNull();
        assertThat(ApplicationService.clean(" \n ")).isNull();
        assertThat(ApplicationService.clean(" 已按意见补充检测报告 ")).isEqualTo("已按意见补充检测报告");
        assertThat(ApplicationService.clean("补".repeat(2000))).hasSize(2000);
        assertThat(Refusal.of(() -> ApplicationService.clean("补".repeat(2001))).fields()).containsExactly("comment");
    }

    @Test
    void anEnterpriseActsWithTheCodeItsTokenCarries() {
        assertThat(ApplicationService.requireUscc(Callers.entA())).isEqualTo("91640100MA76A00010");
        assertThat(Refusal.of(() -> ApplicationService.requireUscc(Callers.revProv())).status()).isEqualTo(403);
    }
}
