package io.greenportal.registry.listing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.BatchLookupRequest;
import io.greenportal.contracts.registry.v1.BatchLookupResponse;
import io.greenportal.contracts.registry.v1.ChangeStatusRequest;
import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegisterListingResponse;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.grpc.server.GrpcMethodRules;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.creditcode.Uscc;
import io.greenportal.registry.grpc.ProtoMapper;
import io.greenportal.registry.screening.Watchlists;
import io.grpc.stub.StreamObserver;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The registry's gRPC API for the other services (certification registers approved listings and
 * changes status; incentive verifies firms). Callers are other services' accounts or administrators.
 */
@Service
public class ListingGrpcService extends RegistryServiceGrpc.RegistryServiceImplBase {

    static final int MAX_BATCH = 1000;

    private final ListingService service;
    private final ListingRules rules;
    private final Watchlists watchlists;
    private final java.time.Clock clock;

    public ListingGrpcService(ListingService service, ListingRules rules, Watchlists watchlists, java.time.Clock clock) {
        this.service = service;
        this.rules = rules;
        this.watchlists = watchlists;
        this.clock = clock;
    }

    @Override
    public void registerListing(RegisterListingRequest request, StreamObserver<RegisterListingResponse> response) {
        String requestId = request.getRequestId().strip();
        if (requestId.isEmpty() || requestId.length() > 120) {
            throw ApiException.invalid("request_id", "is required (1-120 characters): it makes retries safe");
        }
        var valid = rules.check(ProtoMapper.toRequest(request));
        String source = request.getSource().isBlank() ? ListingService.CERTIFICATION : request.getSource().strip();
        if (!source.matches("[A-Z_]{2,16}")) {
            throw ApiException.invalid("source", "must be an upper-case word such as CERTIFICATION");
        }
        var registered = service.register(valid, "grpc:" + requestId, source, blankToNull(request.getSourceRef()), actor());
        response.onNext(RegisterListingResponse.newBuilder().setListing(ProtoMapper.toProto(registered.listing()))
                .setCreated(registered.created()).build());
        response.onCompleted();
    }

    @Override
    public void getListing(GetListingRequest request, StreamObserver<io.greenportal.contracts.registry.v1.Listing> response) {
        UUID id = listingId(request.getId());
        response.onNext(ProtoMapper.toProto(service.get(id, asOf(request.getAsOf()))));
        response.onCompleted();
    }

    @Override
    public void lookupByUscc(LookupByUsccRequest request, StreamObserver<EnterpriseListings> response) {
        String uscc = Uscc.normalize(request.getUscc());
        String problem = Uscc.problem(uscc);
        if (problem != null) {
            throw ApiException.invalid("uscc", problem);
        }
        LocalDate asOf = asOf(request.getAsOf());
        response.onNext(results(List.of(uscc), asOf).getFirst());
        response.onCompleted();
    }

    @Override
    public void batchLookup(BatchLookupRequest request, StreamObserver<BatchLookupResponse> response) {
        if (request.getUsccsCount() == 0 || request.getUsccsCount() > MAX_BATCH) {
            throw ApiException.invalid("usccs", "send between 1 and " + MAX_BATCH + " credit codes");
        }
        List<String> usccs = request.getUsccsList().stream().map(Uscc::normalize).toList();
        List<String> invalid = usccs.stream().filter(u -> !Uscc.isValid(u)).distinct().toList();
        if (!invalid.isEmpty()) {
            throw ApiException.invalid("usccs", "not valid credit codes: " + String.join(", ", invalid));
        }
        LocalDate asOf = asOf(request.getAsOf());
        OffsetDateTime validAsOf = OffsetDateTime.now(clock);
        response.onNext(BatchLookupResponse.newBuilder().addAllResults(results(usccs, asOf))
                .setValidAsOf(com.google.protobuf.Timestamp.newBuilder().setSeconds(validAsOf.toEpochSecond())
                        .setNanos(validAsOf.getNano()))
                .build());
        response.onCompleted();
    }

    @Override
    public void changeStatus(ChangeStatusRequest request, StreamObserver<io.greenportal.contracts.registry.v1.Listing> response) {
        UUID id = listingId(request.getListingId());
        StatusAction action = switch (request.getAction()) {
            case SUSPEND -> StatusAction.SUSPEND;
            case REVOKE -> StatusAction.REVOKE;
            case RESTORE -> StatusAction.RESTORE;
            default -> throw ApiException.invalid("action", "is required: SUSPEND, REVOKE or RESTORE");
        };
        response.onNext(ProtoMapper.toProto(service.changeStatus(id, action, request.getReason(),
                actingFor(request.getActingFor()))));
        response.onCompleted();
    }

    /**
     * The calling service, or the person it acts for beside it: {@code rev-prov (service-account-certification-service)}.
     * Only a portal service acts for someone (a person calling directly is recorded as themself), and
     * the name is a Keycloak user name in plain ASCII: no look-alike of a real reviewer's name.
     */
    private String actingFor(String person) {
        String caller = actor();
        if (person.isBlank()) {
            return caller;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean service = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> GrpcMethodRules.INTERNAL_SERVICE.equals(a.getAuthority()));
        if (!service) {
            throw ApiException.invalid("acting_for", "only a portal service acts for another person; leave it empty");
        }
        String name = person.strip();
        if (name.length() > 64 || !name.matches("[A-Za-z0-9._@-]+")) {
            throw ApiException.invalid("acting_for", "must be a user name: ASCII letters, digits, '.', '_', '@' or '-', "
                    + "at most 64");
        }
        return name + " (" + caller + ")";
    }

    @Override
    public void upgradeToNational(io.greenportal.contracts.registry.v1.UpgradeToNationalRequest request,
            StreamObserver<io.greenportal.contracts.registry.v1.Listing> response) {
        UUID id = listingId(request.getListingId());
        LocalDate on;
        try {
            on = LocalDate.parse(request.getNationalOn());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalid("nationalOn", "must be a date YYYY-MM-DD");
        }
        response.onNext(ProtoMapper.toProto(service.upgradeToNational(id, request.getNationalCertificateNumber(), on,
                request.getReason(), actor())));
        response.onCompleted();
    }

    /** The caller is another portal service acting for the bank named in the request (incentive's webhooks). */
    @Override
    public void getWatchlist(io.greenportal.contracts.registry.v1.GetWatchlistRequest request,
            StreamObserver<io.greenportal.contracts.registry.v1.Watchlist> response) {
        UUID screening;
        try {
            screening = UUID.fromString(request.getScreeningId().strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("screening_id", "'" + request.getScreeningId() + "' is not a screening id");
        }
        String bank = request.getBankId().strip();
        if (bank.isEmpty()) {
            throw ApiException.invalid("bank_id", "is required: the bank whose screening this is");
        }
        response.onNext(io.greenportal.contracts.registry.v1.Watchlist.newBuilder()
                .setScreeningId(screening.toString()).addAllUsccs(watchlists.matchedFirms(screening, bank)).build());
        response.onCompleted();
    }

    /** One entry per requested code, in request order, answered from one query. */
    private List<EnterpriseListings> results(List<String> usccs, LocalDate asOf) {
        Map<String, ListingStore.Holder> holders = service.lookup(usccs, asOf);
        List<EnterpriseListings> results = new ArrayList<>(usccs.size());
        for (String uscc : usccs) {
            ListingStore.Holder holder = holders.get(uscc);
            var entry = EnterpriseListings.newBuilder().setUscc(uscc).setFound(holder != null);
            if (holder != null) {
                entry.setEnterprise(ProtoMapper.toProto(holder.enterprise()));
                holder.listings().forEach(l -> entry.addListings(ProtoMapper.toProto(l)));
            }
            results.add(entry.build());
        }
        return results;
    }

    private static UUID listingId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("id", "'" + value + "' is not a listing id");
        }
    }

    private LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("as_of", "must be a date YYYY-MM-DD");
        }
        return AsOf.check(day, clock, "as_of");
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "unknown" : authentication.getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
