package io.greenportal.incentive.hostile;

import java.net.URI;
import java.util.Set;

import javax.sql.DataSource;

import io.greenportal.platform.test.hostile.DatabaseFingerprint;
import io.greenportal.platform.test.hostile.HostileInput;
import io.greenportal.incentive.support.IntegrationTest;

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
                // the registry feed follower moves its position whenever the registry it follows changes
                new DatabaseFingerprint(dataSource, Set.of("feed_cursor")), operation -> false, name -> null).run();
        result.assertCleanOver(30);
    }
}
