package io.greenportal.certification.hostile;

import java.util.Set;

import javax.sql.DataSource;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.hostile.DatabaseFingerprint;
import io.greenportal.platform.test.hostile.GrpcHostileInput;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;

/**
 * Every gRPC method the certification service serves (the notice feed), called straight at its
 * gRPC port with hostile input in every field of its request (test-support GrpcHostileInput): never
 * UNKNOWN or INTERNAL, no Java internals in a status, a negative sequence INVALID_ARGUMENT naming the
 * field, callers without the role refused, and nothing written by a refused call.
 */
@IntegrationTest
class GrpcHostileInputTest {

    @Value("${local.grpc.port}")
    int grpcPort;

    @Autowired
    DataSource dataSource;

    @Autowired
    GrpcServiceDiscoverer services;

    @Test
    void everyMethodRefusesHostileInputNamingTheFieldAndWritesNothing() {
        GrpcHostileInput.runOnPort(grpcPort, services, new DatabaseFingerprint(dataSource, Set.of()),
                "publicity-service", type -> null).assertCleanOver(1);
    }
}
