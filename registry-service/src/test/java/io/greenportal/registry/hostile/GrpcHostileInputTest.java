package io.greenportal.registry.hostile;

import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;

import io.greenportal.contracts.registry.v1.BatchLookupRequest;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.hostile.DatabaseFingerprint;
import io.greenportal.platform.test.hostile.GrpcHostileInput;
import io.greenportal.registry.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;

/**
 * Every gRPC method the registry serves, called straight at its gRPC port with hostile input in
 * every field of its request (test-support GrpcHostileInput): never UNKNOWN or INTERNAL, no Java
 * internals in a status, a text defect or a negative number INVALID_ARGUMENT naming the field,
 * callers without the role refused, and nothing written by a refused call.
 */
@IntegrationTest
class GrpcHostileInputTest {

    @Value("${local.grpc.port}")
    int grpcPort;

    @Autowired
    DataSource dataSource;

    @Autowired
    GrpcServiceDiscoverer services;

    /** Well-formed requests, so that hostile values reach the rules behind the first check. */
    static Message sample(Descriptor type) {
        String uscc = TestData.uscc("640502");
        if (type.equals(RegisterListingRequest.getDescriptor())) {
            return TestData.product(UUID.randomUUID().toString(), uscc);
        }
        if (type.equals(LookupByUsccRequest.getDescriptor())) {
            return LookupByUsccRequest.newBuilder().setUscc(uscc).setAsOf("2026-01-01").build();
        }
        if (type.equals(BatchLookupRequest.getDescriptor())) {
            return BatchLookupRequest.newBuilder().addUsccs(uscc).setAsOf("2026-01-01").build();
        }
        if (type.equals(GetListingRequest.getDescriptor())) {
            return GetListingRequest.newBuilder().setId(UUID.randomUUID().toString()).setAsOf("2026-01-01").build();
        }
        return null;
    }

    @Test
    void everyMethodRefusesHostileInputNamingTheFieldAndWritesNothing() {
        GrpcHostileInput.runOnPort(grpcPort, services, new DatabaseFingerprint(dataSource, Set.of()),
                "certification-service", GrpcHostileInputTest::sample).assertCleanOver(8);
    }
}
