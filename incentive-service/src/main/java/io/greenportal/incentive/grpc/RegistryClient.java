package io.greenportal.incentive.grpc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.greenportal.contracts.registry.v1.BatchLookupRequest;
import io.greenportal.contracts.registry.v1.BatchLookupResponse;
import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.GetReferenceDataRequest;
import io.greenportal.contracts.registry.v1.GetWatchlistRequest;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceEntry;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.web.ApiException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The registry as this service uses it: look-ups with a deadline, its answers or a 503 the client
 * may retry. Validation happens before a call, so the registry refusing our input is our bug.
 */
@Component
public class RegistryClient {

    private static final Logger log = LoggerFactory.getLogger(RegistryClient.class);
    private static final Duration REFERENCE_TTL = Duration.ofHours(1);

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub referenceData;
    private final Duration deadline;
    private volatile Regions regions;

    public RegistryClient(RegistryServiceGrpc.RegistryServiceBlockingStub registry,
            ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub referenceData,
            @Value("${greenportal.incentive.registry-deadline:5s}") Duration deadline) {
        this.registry = registry;
        this.referenceData = referenceData;
        this.deadline = deadline;
    }

    /** The listing, or empty when the registry has none with this id. */
    public Optional<Listing> listing(String id) {
        try {
            return Optional.of(call(() -> stub().getListing(GetListingRequest.newBuilder().setId(id).build())));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public EnterpriseListings enterprise(String uscc) {
        return call(() -> stub().lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).build()));
    }

    /** One round trip for up to 1,000 valid codes; one answer per code, in request order. */
    public BatchLookupResponse batch(List<String> usccs, LocalDate asOf) {
        var request = BatchLookupRequest.newBuilder().addAllUsccs(usccs);
        if (asOf != null) {
            request.setAsOf(asOf.toString());
        }
        return call(() -> stub().batchLookup(request.build()));
    }

    /**
     * The credit codes of the firms this bank's finished screening matched; empty when the registry
     * has no such screening of this bank's (another bank's is never told apart from none).
     * A screening not yet finished is a 409 naming {@code field}.
     */
    public Optional<List<String>> watchlist(String screeningId, String bankId, String field) {
        var request = GetWatchlistRequest.newBuilder().setScreeningId(screeningId).setBankId(bankId).build();
        try {
            return Optional.of(call(() -> {
                try {
                    return stub().getWatchlist(request).getUsccsList();
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
                        throw ApiException.conflict("screening-not-done", field, e.getStatus().getDescription());
                    }
                    throw e;
                }
            }));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The registry's GB/T 2260 region table, cached for an hour. */
    public Regions regions() {
        Regions current = regions;
        if (current == null || current.loadedAt().plus(REFERENCE_TTL).isBefore(Instant.now())) {
            var data = call(() -> referenceData.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getReferenceData(GetReferenceDataRequest.getDefaultInstance()));
            Map<String, String> names = new TreeMap<>();
            for (ReferenceEntry region : data.getRegionsList()) {
                names.put(region.getCode(), region.getName());
            }
            current = new Regions(Map.copyOf(names), Instant.now());
            regions = current;
        }
        return current;
    }

    /** GB/T 2260 codes and names as the registry knows them. */
    public record Regions(Map<String, String> names, Instant loadedAt) {

        public boolean isKnown(String code) {
            return code != null && names.containsKey(code);
        }
    }

    private RegistryServiceGrpc.RegistryServiceBlockingStub stub() {
        return registry.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            switch (e.getStatus().getCode()) {
                case NOT_FOUND -> throw e;
                case INVALID_ARGUMENT -> throw ApiException.invalid(null,
                        "The registry refused the request: " + e.getStatus().getDescription());
                default -> {
                    log.warn("registry call failed: {}", e.getStatus());
                    throw ApiException.unavailable("registry-unavailable",
                            "The registry did not answer (" + e.getStatus().getCode() + "); try again shortly");
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // e.g. Keycloak gave us no token for the call
            log.warn("registry call not possible: {}", e.getMessage());
            throw ApiException.unavailable("registry-unavailable", "The registry could not be called; try again shortly");
        }
    }
}
