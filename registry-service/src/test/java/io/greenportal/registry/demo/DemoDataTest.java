package io.greenportal.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.greenportal.platform.web.Times;
import io.greenportal.registry.listing.ListingRequest;
import io.greenportal.registry.listing.ListingRules;
import io.greenportal.registry.reference.Industries;
import io.greenportal.registry.reference.Regions;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DemoDataTest {

    final ListingRules rules = new ListingRules(new Regions(), new Industries(),
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), Times.ZONE));

    @Test
    void theDemoProvinceIsValidVariedAndTheSameEveryTime() {
        List<ListingRequest> province = DemoData.province();
        province.forEach(rules::check);

        assertThat(province.size()).isBetween(200, 400);
        assertThat(set(province, ListingRequest::type)).containsExactlyInAnyOrder("GREEN_FACTORY", "GREEN_PARK",
                "GREEN_PRODUCT", "GREEN_SUPPLY_CHAIN");
        assertThat(set(province, ListingRequest::level)).containsExactlyInAnyOrder("NATIONAL", "PROVINCIAL", "MUNICIPAL");
        assertThat(set(province, ListingRequest::status)).contains("ACTIVE", "SUSPENDED", "REVOKED");
        assertThat(province.stream().map(ListingRequest::year).collect(Collectors.toSet()))
                .contains(2017, 2021, 2025).allMatch(y -> y >= 2017 && y <= 2025);
        assertThat(province.stream().map(r -> r.enterprise().uscc())).contains(DemoData.ENT_A, DemoData.ENT_B);
        assertThat(DemoData.province()).isEqualTo(province);
    }

    static Set<String> set(List<ListingRequest> requests, java.util.function.Function<ListingRequest, String> field) {
        return requests.stream().map(field).collect(Collectors.toSet());
    }
}
