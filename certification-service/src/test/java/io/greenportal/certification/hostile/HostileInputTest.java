package io.greenportal.certification.hostile;

import java.util.Set;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.hostile.HostileInputSuite;

import org.junit.jupiter.api.Test;

/** Certification's REST operations (batches, applications, reviews, publicity, annual reports) under hostile input. */
@IntegrationTest
class HostileInputTest extends HostileInputSuite {

    @Test
    void everyDocumentedRequestBodyNamesTheFieldsItsHandlerReads() throws Exception {
        org.assertj.core.api.Assertions.assertThat(documentedBodiesUnlikeTheirHandlers()).isEmpty();
    }

    @Test
    void everyOperationRefusesHostileInputAsAProblemNamingTheFieldAndWritesNothing() {
        everyOperation(Set.of(), operation -> false).assertCleanOver(29);
    }
}
