package io.greenportal.publicity.hostile;

import java.net.URI;
import java.util.Set;

import javax.sql.DataSource;

import io.greenportal.platform.test.hostile.DatabaseFingerprint;
import io.greenportal.platform.test.hostile.HostileInput;
import io.greenportal.publicity.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every operation of the service's OpenAPI document, called straight (no gateway) with hostile
 * input in every string, number and boolean of its body, every query parameter and path variable
 * (test-support HostileInput): no 5xx, every error a problem with a type, no Java internals, a body
 * defect a 400 naming the field, and nothing written by a refused request.
 */
@IntegrationTest
class HostileInputTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void everyOperationRefusesHostileInputAsAProblemNamingTheFieldAndWritesNothing() {
        HostileInput.Result result = new HostileInput(URI.create("http://127.0.0.1:" + port), HostileInput.demoCallers(),
                // the feed follower moves its position and a rebuild its progress by themselves
                new DatabaseFingerprint(dataSource, Set.of("feed_position", "index_rebuild")),
                // starting a rebuild takes no input at all; its well-formed probe would start one
                operation -> operation.equals("POST /api/v1/public/admin/reindex"), name -> null).run();
        result.assertCleanOver(19);
    }
}
