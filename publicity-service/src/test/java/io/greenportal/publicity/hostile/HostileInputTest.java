package io.greenportal.publicity.hostile;

import java.util.Set;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.hostile.HostileInputSuite;

import org.junit.jupiter.api.Test;

/** Publicity's REST operations (search, notices, feeds, statistics, exports, reindex) under hostile input. */
@IntegrationTest
class HostileInputTest extends HostileInputSuite {

    @Test
    void everyDocumentedRequestBodyNamesTheFieldsItsHandlerReads() throws Exception {
        org.assertj.core.api.Assertions.assertThat(documentedBodiesUnlikeTheirHandlers()).isEmpty();
    }

    @Test
    void everyOperationRefusesHostileInputAsAProblemNamingTheFieldAndWritesNothing() {
        // the feed follower moves its position and a rebuild its progress by themselves; starting a
        // rebuild takes no input at all, and its well-formed probe would start one
        everyOperation(Set.of("feed_position", "index_rebuild"),
                operation -> operation.equals("POST /api/v1/public/admin/reindex")).assertCleanOver(19);
    }
}
