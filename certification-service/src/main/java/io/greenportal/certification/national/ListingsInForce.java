package io.greenportal.certification.national;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.RemoteCalls;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;

import org.springframework.stereotype.Component;

/**
 * Which listings still hold their designation, as the registry (which owns their status) says now:
 * only those are recommended to the national list. A listing revoked (撤销) or under rectification
 * (限期整改) since its approval is not. Asked before the round is locked, never inside its transaction.
 */
@Component
class ListingsInForce {

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    ListingsInForce(RegistryServiceGrpc.RegistryServiceBlockingStub registry) {
        this.registry = registry;
    }

    /** The listings among these that are not ACTIVE, with their status. */
    Map<UUID, ListingStatus> notInForce(Collection<UUID> listingIds) {
        RemoteCalls.requireNoTransaction("the registry");
        Map<UUID, ListingStatus> out = new LinkedHashMap<>();
        for (UUID id : listingIds) {
            ListingStatus status = registry.withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getListing(GetListingRequest.newBuilder().setId(id.toString()).build()).getStatus();
            if (status != ListingStatus.ACTIVE) {
                out.put(id, status);
            }
        }
        return out;
    }
}
