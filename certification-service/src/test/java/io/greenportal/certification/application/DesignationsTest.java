package io.greenportal.certification.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One designation, however its name is spelled; another site, park, product or model is another one. */
@Tag("unit")
class DesignationsTest {

    static String product(String name, String model) {
        return Designations.key(ListingType.GREEN_PRODUCT, null, null, name, model);
    }

    @Test
    void spellingsOfOneProductAreOneDesignation() {
        String held = product("电池级碳酸锂", "Li2CO3≥99.5%");
        for (String name : new String[] {" 电池级碳酸锂 ", "电池级\u200b碳酸锂", "电池级 碳酸锂", "电池级\u3000碳酸锂",
                "电池级\u00a0碳酸锂", "电池级\u00ad碳酸锂", "電池級碳酸鋰", "电池级碳酸锂\u202e"}) {
            assertThat(product(name, "Li2CO3≥99.5%")).as(name).isEqualTo(held);
        }
        for (String model : new String[] {"Li2CO3\u200d≥99.5%", "Li2CO3 ≥ 99.5%", "li₂co₃≥99.5％", "ＬＩ２ＣＯ３≥99.5%",
                "Li2\u0421O3≥99.5%" /* Cyrillic С */, "Li2CO3\u0301≥99.5%" /* a combining accent */, "Li2CO3\u2060≥99.5%\ufeff"}) {
            assertThat(product("电池级碳酸锂", model)).as(model).isEqualTo(held);
        }
    }

    @Test
    void anotherProductModelSiteOrTypeIsAnotherDesignation() {
        String held = product("电池级碳酸锂", "Li2CO3≥99.5%");
        assertThat(product("电池级碳酸锂", "Li2CO3≥99.0%")).isNotEqualTo(held);
        assertThat(product("工业级碳酸锂", "Li2CO3≥99.5%")).isNotEqualTo(held);
        assertThat(Designations.key(ListingType.GREEN_FACTORY, "宁东生产基地", null, null, null))
                .isEqualTo(Designations.key(ListingType.GREEN_FACTORY, "宁东 生产基地", null, null, null))
                .isNotEqualTo(Designations.key(ListingType.GREEN_FACTORY, "宁东第二生产基地", null, null, null));
        assertThat(Designations.key(ListingType.GREEN_SUPPLY_CHAIN, "厂区", null, null, null))
                .as("a supply-chain enterprise is the enterprise").isEqualTo("GREEN_SUPPLY_CHAIN");
    }
}
