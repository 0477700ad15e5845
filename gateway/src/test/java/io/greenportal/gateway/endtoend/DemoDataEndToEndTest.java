package io.greenportal.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.greenportal.gateway.support.PortalClient;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * What the README promises a new user of the local portal: every service's demo data is there
 * after one start, although certification and incentive load theirs through the registry (the
 * portal script starts the registry first, and the others once it is ready).
 */
class DemoDataEndToEndTest {

    static final String ENT_A = "91640100MA76A00010";
    final PortalClient portal = new PortalClient();

    @Test
    void theSubsidyProgramsTheDemoApplicationsAndTheListingsAreAllThere() {
        List<String> codes = new ArrayList<>();
        portal.getJson("admin", "/api/v1/incentives/programs").forEach(p -> codes.add(p.path("code").asString()));
        assertThat(codes).as("incentive's demo programs").contains("NX-AWARD-2025-2026", "NX-RETROFIT",
                "NX-DIAGNOSTICS-2026");

        JsonNode applications = portal.getJson("ent-a", "/api/v1/certification/applications").path("items");
        assertThat(applications.size()).as("certification's demo applications of ent-a").isPositive();
        applications.forEach(a -> assertThat(a.path("uscc").asString()).isEqualTo(ENT_A));

        JsonNode listings = portal.getJson("ent-a", "/api/v1/registry/listings");
        assertThat(listings.toString()).as("the registry's demo listings of ent-a").contains(ENT_A);
    }
}
