package io.greenportal.certification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.certification.support.ReferenceRegistry;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The registry's codes as this service checks applications against them, with the registry served in-process. */
@Tag("unit")
class ReferenceCodesTest {

    @Test
    void aRegionMustBeACityOrCountyOfTheConfiguredProvince() {
        try (var registry = new ReferenceRegistry()) {
            var ningxia = new ReferenceCodes(registry.stub(), "640000");
            assertThat(ningxia.regionProblem("640106")).isNull();
            assertThat(ningxia.regionProblem("640100")).isNull();
            assertThat(ningxia.regionProblem("640000")).isEqualTo("must be a city or county of the province 640000");
            assertThat(ningxia.regionProblem("140223")).isEqualTo("must be a city or county of the province 640000");
            assertThat(ningxia.regionProblem("110101")).as("Beijing's, not in the registry's table")
                    .isEqualTo("must be a city or county of the province 640000");
            assertThat(ningxia.regionProblem("640199")).isEqualTo("'640199' is not a known GB/T 2260 region code");
            assertThat(ningxia.regionProblem("64O106")).isEqualTo("must be a six-digit GB/T 2260 region code such as 640106");
            assertThat(ningxia.regionProblem(null)).isEqualTo("must be a six-digit GB/T 2260 region code such as 640106");
            assertThat(ningxia.regionName("640106")).isEqualTo("金凤区");

            var shanxi = new ReferenceCodes(registry.stub(), "140000");
            assertThat(shanxi.regionProblem("140223")).as("another province's deployment takes Datong").isNull();
            assertThat(shanxi.regionProblem("640106")).isEqualTo("must be a city or county of the province 140000");
            assertThat(registry.calls()).as("each asks the registry once, then uses its copy").isEqualTo(2);
        }
    }

    @Test
    void industriesAreTheRegistrysDivisions() {
        try (var registry = new ReferenceRegistry()) {
            var codes = new ReferenceCodes(registry.stub(), "640000");
            assertThat(codes.industryProblem("C26")).isNull();
            assertThat(codes.industryProblem("c26")).isEqualTo("'c26' is not a GB/T 4754-2017 industry division such as C30");
            assertThat(codes.industryProblem(null)).isEqualTo("'null' is not a GB/T 4754-2017 industry division such as C30");
        }
    }

    @Test
    void aRegistryThatCannotBeAskedIsA503AndNothingIsDecided() {
        var codes = new ReferenceCodes(ReferenceRegistry.unreachable(), "640000");
        var refusal = Refusal.of(() -> codes.regionProblem("640106"));
        assertThat(refusal.status()).isEqualTo(503);
        assertThat(refusal.detail()).contains("nothing was changed");
        assertThat(codes.regionProblem("6401")).as("a malformed code needs no registry")
                .isEqualTo("must be a six-digit GB/T 2260 region code such as 640106");
    }
}
