package io.greenportal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterAll;

/**
 * Every custom resource of every overlay against its operator's published CRD schema (vendored,
 * see src/test/resources/crds/README.md), as close to the API server as a test gets without one.
 */
class CrdSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-shanxi"})
    void everyCustomResourceMatchesItsCrd(String overlay) {
        var r = OverlayTest.render(overlay);
        assertThat(r.custom()).isNotEmpty();
        assertThat(r.custom()).allSatisfy(d -> assertThat(CrdSchemas.knows(d.path("kind").asText()))
                .as("a schema for %s", d.path("kind").asText()).isTrue());
        List<String> violations = r.custom().stream().flatMap(d -> CrdSchemas.check(d).stream()).toList();
        assertThat(violations).isEmpty();
    }

    /** The rules not evaluated are said out loud, and only transition rules may be among them. */
    @AfterAll
    static void rulesNotEvaluated() {
        var skipped = CelRules.notEvaluated();
        System.out.println("CEL rules met in the overlays but not evaluated (" + skipped.size() + "):");
        skipped.forEach(s -> System.out.println("  " + s));
        assertThat(skipped).allSatisfy(s -> assertThat(s).contains("transition rule"));
    }
}
