package io.greenportal.incentive.hostile;

import java.util.Set;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.hostile.HostileInputSuite;

import org.junit.jupiter.api.Test;

/** Incentive's REST operations (programs, subsidies, referrals, verification, webhooks) under hostile input. */
@IntegrationTest
class HostileInputTest extends HostileInputSuite {

    @Test
    void everyDocumentedRequestBodyNamesTheFieldsItsHandlerReads() throws Exception {
        org.assertj.core.api.Assertions.assertThat(documentedBodiesUnlikeTheirHandlers()).isEmpty();
    }

    @Test
    void everyOperationRefusesHostileInputAsAProblemNamingTheFieldAndWritesNothing() {
        // the registry feed follower moves its position whenever the registry it follows changes
        everyOperation(Set.of("feed_cursor"), operation -> false).assertCleanOver(30);
    }
}
