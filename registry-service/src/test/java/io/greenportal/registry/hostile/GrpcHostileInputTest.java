package io.greenportal.registry.hostile;

import java.util.UUID;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;

import io.greenportal.contracts.registry.v1.BatchLookupRequest;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.hostile.HostileInputSuite;
import io.greenportal.registry.support.TestData;

import org.junit.jupiter.api.Test;

/** The registry's gRPC methods (registration, look-ups, status changes, watch lists, the change feed) under hostile input. */
@IntegrationTest
class GrpcHostileInputTest extends HostileInputSuite {

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
        everyMethod("certification-service", GrpcHostileInputTest::sample).assertCleanOver(8);
    }
}
