package io.greenportal.registry.hostile;

import java.util.Set;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.hostile.HostileInputSuite;

import org.junit.jupiter.api.Test;

/** The registry's REST operations (listings, enterprises, imports, credentials, screenings) under hostile input. */
@IntegrationTest
class HostileInputTest extends HostileInputSuite {

    @Test
    void everyDocumentedRequestBodyNamesTheFieldsItsHandlerReads() throws Exception {
        org.assertj.core.api.Assertions.assertThat(documentedBodiesUnlikeTheirHandlers()).isEmpty();
    }

    @Test
    void everyOperationRefusesHostileInputAsAProblemNamingTheFieldAndWritesNothing() {
        everyOperation(Set.of(), operation -> false).assertCleanOver(11);
    }
}
