package io.greenportal.certification.hostile;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.hostile.HostileInputSuite;

import org.junit.jupiter.api.Test;

/** Certification's gRPC method (the notice feed, for publicity) under hostile input. */
@IntegrationTest
class GrpcHostileInputTest extends HostileInputSuite {

    @Test
    void everyMethodRefusesHostileInputNamingTheFieldAndWritesNothing() {
        everyMethod("publicity-service", type -> null).assertCleanOver(1);
    }
}
