package io.greenportal.certification.registration;

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
 * only those are recommended to the national list, and a revoked (撤销, final) one is not sanctioned
 * again. Asked before any row is locked, never inside a transaction.
 */
@Component
public class ListingsInForce {

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    public ListingsInForce(RegistryServiceGrpc.RegistryServiceBlockingStub registry) {
        this.registry = registry;
    }

    /** The listings among these that are not ACTIVE, with their status. */
    public Map<UUID, ListingStatus> notInForce(Collection<UUID> listingIds) {
        Map<UUID, ListingStatus> out = new LinkedHashMap<>();
        for (UUID id : listingIds) {
            ListingStatus status = status(id);
            if (status != ListingStatus.ACTIVE) {
                out.put(id, status);
            }
        }
        return out;
    }

    /** The listing's status in the registry now. */
    public ListingStatus status(UUID listingId) {
        RemoteCalls.requireNoTransaction("the registry");
        return registry.withDeadlineAfter(10, TimeUnit.SECONDS)
                .getListing(GetListingRequest.newBuilder().setId(listingId.toString()).build()).getStatus();
    }
}
