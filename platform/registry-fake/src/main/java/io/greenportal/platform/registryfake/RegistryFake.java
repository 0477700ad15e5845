package io.greenportal.platform.registryfake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Timestamp;

import io.greenportal.contracts.registry.v1.BatchLookupRequest;
import io.greenportal.contracts.registry.v1.BatchLookupResponse;
import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.ChangeKind;
import io.greenportal.contracts.registry.v1.ChangeStatusRequest;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.GetReferenceDataRequest;
import io.greenportal.contracts.registry.v1.GetWatchlistRequest;
import io.greenportal.contracts.registry.v1.Indicator;
import io.greenportal.contracts.registry.v1.KnownIndicators;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.ReferenceData;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceEntry;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegisterListingResponse;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.contracts.registry.v1.UpgradeToNationalRequest;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.contracts.registry.v1.Watchlist;
import io.greenportal.platform.creditcode.DivisionCodes;
import io.greenportal.platform.creditcode.Uscc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The registry's gRPC contract ({@code greenportal.registry.v1}: RegistryService, ChangeFeedService,
 * ReferenceDataService) in memory, for the integration tests of the services that call the registry.
 * It answers the shapes the real registry answers (registry-service's RegistryFakeContractTest runs
 * one scenario against both): listings by id, enterprises by credit code, a change log whose
 * {@code WatchChanges} replays from a position and then follows live, the statuses an action leads
 * to, NOT_FOUND for an unknown id, INVALID_ARGUMENT naming the field of a bad request. It holds no
 * other registry rule.
 *
 * <p>{@link #start()} serves it on a free port of 127.0.0.1 (Netty), so a service under test reaches
 * it through its configured channel ({@code spring.grpc.client.channels.registry.address}, see
 * {@link RegistryFakeProperties}); {@link #inProcess()} serves it in-process. Test hooks:
 * {@link #hang}, {@link #fail}, {@link #heal}, {@link #calls}, {@link #endStreams}, and the memory
 * itself ({@link #register}, {@link #changeStatus}, {@link #listings()}, {@link #putWatchlist}).
 * A call must carry a bearer token (else UNAUTHENTICATED), which the fake does not check further.
 */
public final class RegistryFake implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String ACTOR = "registry-fake";

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private static volatile RegistryFake shared;

    private final Server server;
    private final String inProcessName;
    private final String provinceCode;
    private final Map<String, String> regions;
    private final Map<String, String> industries;

    // the registry's memory, guarded by this
    private final Map<String, Listing> listings = new LinkedHashMap<>();
    private final Map<String, Enterprise> enterprises = new LinkedHashMap<>();
    private final Map<String, String> requestIds = new HashMap<>();
    private final List<RegisterListingRequest> registrations = new ArrayList<>();
    private final List<ChangeStatusRequest> statusChangeRequests = new ArrayList<>();
    private final List<Logged> log = new ArrayList<>();
    private final Map<String, Integer> serials = new HashMap<>();
    private final Map<String, Screening> watchlists = new HashMap<>();

    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Status> failing = new ConcurrentHashMap<>();
    private final Set<String> hung = ConcurrentHashMap.newKeySet();
    private final Object hangGate = new Object();

    private record Logged(Change change, OffsetDateTime effectiveAt) {
    }

    private record Screening(String bankId, List<String> usccs, boolean done) {
    }

    private RegistryFake(boolean network, String provinceCode) {
        this.provinceCode = provinceCode;
        this.regions = table("regions.csv");
        this.industries = table("industries.csv");
        var services = List.of(
                ServerInterceptors.intercept(new Registry(), new Bearer()),
                ServerInterceptors.intercept(new Feed(), new Bearer()),
                ServerInterceptors.intercept(new Reference(), new Bearer()));
        try {
            if (network) {
                inProcessName = null;
                var builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
                services.forEach(builder::addService);
                server = builder.build().start();
            } else {
                inProcessName = "registry-fake-" + UUID.randomUUID();
                var builder = InProcessServerBuilder.forName(inProcessName);
                services.forEach(builder::addService);
                server = builder.build().start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the registry fake could not start", e);
        }
    }

    /** A new, empty fake on a free port of 127.0.0.1 (the province is Ningxia, 640000). */
    public static RegistryFake start() {
        return new RegistryFake(true, "640000");
    }

    /** A new, empty fake served in-process ({@link #channel()} reaches it). */
    public static RegistryFake inProcess() {
        return new RegistryFake(false, "640000");
    }

    /**
     * One fake per JVM on a free port, started on first use (with {@link #demoAccounts()}) and stopped
     * when the JVM ends.
     */
    public static RegistryFake shared() {
        RegistryFake fake = shared;
        if (fake == null) {
            synchronized (RegistryFake.class) {
                fake = shared;
                if (fake == null) {
                    fake = start().demoAccounts();
                    RegistryFake started = fake;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "registry-fake-stop"));
                    shared = fake;
                }
            }
        }
        return fake;
    }

    /** The port it listens on (127.0.0.1), -1 in-process. */
    public int port() {
        return inProcessName == null ? server.getPort() : -1;
    }

    /** The channel address a Spring gRPC client is configured with, {@code static://127.0.0.1:<port>}. */
    public String address() {
        return "static://127.0.0.1:" + port();
    }

    /** A new plaintext channel to the fake (the caller shuts it down). */
    public ManagedChannel channel() {
        return inProcessName == null ? ManagedChannelBuilder.forAddress("127.0.0.1", port()).usePlaintext().build()
                : InProcessChannelBuilder.forName(inProcessName).build();
    }

    // ------------------------------------------------------------------ the memory, for tests

    /** The Keycloak demo accounts' enterprises (ent-a, ent-b). */
    public static final String ENT_A = "91640100MA76A00010";
    public static final String ENT_A_NAME = "宁夏绿源新材料有限公司";
    public static final String ENT_B = "91640200MA76B00020";
    public static final String ENT_B_NAME = "石嘴山塞上精细化工有限公司";

    /**
     * What the local portal's demo data holds for the Keycloak demo accounts (registry-service's
     * DemoData): ent-a a provincial green factory of 2024 and a green product of 2025, both active;
     * ent-b only a provincial green factory of 2022, suspended. Idempotent (fixed request ids).
     */
    public RegistryFake demoAccounts() {
        Listing entB;
        synchronized (this) {
            register(RegisterListingRequest.newBuilder().setRequestId("demo:ent-a:factory-2024")
                    .setType(ListingType.GREEN_FACTORY).setLevel(Level.PROVINCIAL)
                    .setEnterprise(Enterprise.newBuilder().setUscc(ENT_A).setName(ENT_A_NAME).setRegionCode("640106")
                            .setIndustryCode("C26"))
                    .setSubject(Subject.newBuilder().setSiteName("宁夏绿源新材料生产基地")
                            .setEvaluationStandard("GB/T 36132-2018 绿色工厂评价通则"))
                    .setYear(2024).setBatch("2024年度第1批").setGrantedOn("2024-12-16").setSource("IMPORT")
                    .addIndicators(Indicator.newBuilder().setCode("ENERGY_PER_VALUE_ADDED").setValue("0.512"))
                    .addIndicators(Indicator.newBuilder().setCode("WATER_REUSE_RATE").setValue("93.5")).build());
            register(RegisterListingRequest.newBuilder().setRequestId("demo:ent-a:product-2025")
                    .setType(ListingType.GREEN_PRODUCT).setLevel(Level.PROVINCIAL)
                    .setEnterprise(Enterprise.newBuilder().setUscc(ENT_A).setName(ENT_A_NAME).setRegionCode("640106")
                            .setIndustryCode("C26"))
                    .setSubject(Subject.newBuilder().setProductName("电池级碳酸锂").setProductModel("Li2CO3≥99.5%")
                            .setProductCategory("化工").setEvaluationStandard("T/CAGP 绿色设计产品评价技术规范"))
                    .setYear(2025).setBatch("2025年度第1批").setSource("IMPORT").build());
            entB = register(RegisterListingRequest.newBuilder().setRequestId("demo:ent-b:factory-2022")
                    .setType(ListingType.GREEN_FACTORY).setLevel(Level.PROVINCIAL)
                    .setEnterprise(Enterprise.newBuilder().setUscc(ENT_B).setName(ENT_B_NAME).setRegionCode("640202")
                            .setIndustryCode("C26"))
                    .setSubject(Subject.newBuilder().setSiteName("石嘴山塞上精细化工生产基地")
                            .setEvaluationStandard("GB/T 36132-2018 绿色工厂评价通则"))
                    .setYear(2022).setBatch("2022年度第1批").setGrantedOn("2022-12-20").setSource("IMPORT").build())
                    .getListing();
            if (listings.get(entB.getId()).getStatus() == ListingStatus.ACTIVE) {
                changeStatus(entB.getId(), StatusAction.SUSPEND, "年度报告逾期未报送，限期三个月整改");
            }
        }
        return this;
    }

    /** Registers as RegisterListing does (idempotent by request id); INVALID_ARGUMENT and the like as a StatusRuntimeException. */
    public synchronized RegisterListingResponse register(RegisterListingRequest request) {
        String requestId = request.getRequestId().strip();
        if (requestId.isEmpty() || requestId.length() > 120) {
            throw invalid("request_id", "is required (1-120 characters): it makes retries safe");
        }
        String known = requestIds.get(requestId);
        if (known != null) {
            return RegisterListingResponse.newBuilder().setListing(listings.get(known)).setCreated(false).build();
        }
        if (request.getType() == ListingType.LISTING_TYPE_UNSPECIFIED || request.getType() == ListingType.UNRECOGNIZED) {
            throw invalid("type", "is required");
        }
        if (request.getLevel() == Level.LEVEL_UNSPECIFIED || request.getLevel() == Level.UNRECOGNIZED) {
            throw invalid("level", "is required");
        }
        var input = request.getEnterprise();
        String uscc = input.getUscc().strip();
        String problem = Uscc.problem(uscc);
        if (problem != null) {
            throw invalid("enterprise.uscc", problem);
        }
        if (input.getName().isBlank()) {
            throw invalid("enterprise.name", "is required");
        }
        String region = input.getRegionCode().strip();
        if (!regions.containsKey(region)) {
            throw invalid("enterprise.regionCode", "'" + region + "' is not a known GB/T 2260 region code");
        }
        String industry = input.getIndustryCode().strip();
        if (!industries.containsKey(industry)) {
            throw invalid("enterprise.industryCode", "'" + industry + "' is not a known GB/T 4754 division");
        }
        if (request.getYear() == 0) {
            throw invalid("year", "is required");
        }
        LocalDate grantedOn = null;
        if (!request.getGrantedOn().isBlank()) {
            try {
                grantedOn = LocalDate.parse(request.getGrantedOn().strip());
            } catch (DateTimeParseException e) {
                throw invalid("grantedOn", "must be a date YYYY-MM-DD");
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < request.getIndicatorsCount(); i++) {
            Indicator in = request.getIndicators(i);
            KnownIndicators.Definition definition = KnownIndicators.ALL.get(in.getCode().strip());
            String name = in.getName().isBlank() ? definition == null ? "" : definition.name() : in.getName().strip();
            String unit = definition != null ? definition.unit() : in.getUnit().strip();
            String value;
            try {
                value = new BigDecimal(in.getValue().strip()).toPlainString();
            } catch (NumberFormatException e) {
                throw invalid("indicators[" + i + "].value", "must be a decimal number such as 0.352");
            }
            indicators.add(Indicator.newBuilder().setCode(in.getCode().strip()).setName(name).setValue(value)
                    .setUnit(unit).build());
        }
        String number = request.getCertificateNumber().strip();
        if (!number.isEmpty() && numberTaken(number)) {
            throw new StatusRuntimeException(Status.ALREADY_EXISTS.withDescription(
                    "certificateNumber: Certificate number " + number + " is already in the registry"));
        }
        OffsetDateTime now = now();
        Enterprise enterprise = enterprises.computeIfAbsent(uscc, u -> enterprise(u, input.getName().strip(), region, industry));
        boolean stated = !number.isEmpty();
        if (!stated) {
            String issuer = switch (request.getLevel()) {
                case NATIONAL -> "CN";
                case MUNICIPAL -> DivisionCodes.cityOf(enterprise.getRegionCode());
                default -> provinceCode;
            };
            String prefix = typeCode(request.getType()) + "-" + issuer + "-" + request.getYear();
            do {
                number = prefix + "-" + String.format("%04d", serials.merge(prefix, 1, Integer::sum));
            } while (numberTaken(number));
        }
        LocalDate today = now.toLocalDate();
        String source = request.getSource().isBlank() ? "CERTIFICATION" : request.getSource().strip();
        // as the registry: no date stated is no grant date, except for the workflow's own grant (today);
        // as-of questions count such a listing from its year's last day
        LocalDate inForceFrom = grantedOn;
        if (grantedOn == null) {
            LocalDate yearEnd = LocalDate.of(request.getYear(), 12, 31);
            inForceFrom = yearEnd.isBefore(today) ? yearEnd : today;
            grantedOn = "CERTIFICATION".equals(source) ? today : null;
        }
        OffsetDateTime effective = inForceFrom.isBefore(today) ? inForceFrom.atStartOfDay(ZONE).toOffsetDateTime() : now;
        var s = request.getSubject();
        Listing listing = Listing.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setType(request.getType())
                .setLevel(request.getLevel())
                .setEnterprise(enterprise)
                .setSubject(Subject.newBuilder().setSiteName(s.getSiteName().strip()).setParkName(s.getParkName().strip())
                        .setProductName(s.getProductName().strip()).setProductModel(s.getProductModel().strip())
                        .setProductCategory(s.getProductCategory().strip())
                        .setEvaluationStandard(s.getEvaluationStandard().strip()))
                .setYear(request.getYear())
                .setBatch(request.getBatch().strip())
                .setCertificateNumber(number)
                // as the registry: a number made up for a listing whose list gave none is a registry number
                .setCertificateNumberAssigned(!stated && !"CERTIFICATION".equals(source))
                .addAllIndicators(indicators)
                .setStatus(ListingStatus.ACTIVE)
                .setStatusChangedAt(timestamp(effective))
                .setCreatedAt(timestamp(now))
                .setSource(source)
                .setSourceRef(request.getSourceRef().strip())
                .setGrantedOn(grantedOn == null ? "" : grantedOn.toString())
                .build();
        listings.put(listing.getId(), listing);
        requestIds.put(requestId, listing.getId());
        registrations.add(request);
        append(ChangeKind.LISTING_CREATED, listing, null, now, effective);
        return RegisterListingResponse.newBuilder().setListing(listing).setCreated(true).build();
    }

    /** Suspends, revokes or restores as ChangeStatus does: NOT_FOUND, or FAILED_PRECONDITION naming the current status. */
    public synchronized Listing changeStatus(String listingId, StatusAction action, String reason) {
        String id = listingId(listingId);
        if (action != StatusAction.SUSPEND && action != StatusAction.REVOKE && action != StatusAction.RESTORE) {
            throw invalid("action", "is required: SUSPEND, REVOKE or RESTORE");
        }
        if (reason == null || reason.isBlank()) {
            throw invalid("reason", "is required");
        }
        Listing current = listing(id).orElseThrow(() -> notFound("Listing " + id));
        ListingStatus from = current.getStatus();
        boolean allowed = switch (action) {
            case SUSPEND -> from == ListingStatus.ACTIVE;
            case REVOKE -> from != ListingStatus.REVOKED;
            default -> from == ListingStatus.SUSPENDED;
        };
        if (!allowed) {
            throw new StatusRuntimeException(Status.FAILED_PRECONDITION.withDescription("action: Cannot "
                    + action.name().toLowerCase() + " a listing that is " + from
                    + (from == ListingStatus.REVOKED ? " (revocation is final)" : "")));
        }
        ListingStatus target = switch (action) {
            case SUSPEND -> ListingStatus.SUSPENDED;
            case REVOKE -> ListingStatus.REVOKED;
            default -> ListingStatus.ACTIVE;
        };
        OffsetDateTime now = now();
        Listing changed = current.toBuilder().setStatus(target).setStatusReason(reason.strip())
                .setStatusChangedAt(timestamp(now)).build();
        listings.put(id, changed);
        append(ChangeKind.STATUS_CHANGED, changed, from, now, now);
        return changed;
    }

    /** As UpgradeToNational does: NATIONAL with the national number and date; the same number again answers it as it is. */
    public synchronized Listing upgradeToNational(UpgradeToNationalRequest request) {
        String id = listingId(request.getListingId());
        String number = request.getNationalCertificateNumber().strip();
        LocalDate on;
        try {
            on = LocalDate.parse(request.getNationalOn());
        } catch (DateTimeParseException e) {
            throw invalid("nationalOn", "must be a date YYYY-MM-DD");
        }
        if (number.isEmpty() || number.length() > 64) {
            throw invalid("nationalCertificateNumber", "is required: at most 64 characters");
        }
        Listing current = listing(id).orElseThrow(() -> notFound("Listing " + id));
        if (current.getLevel() == Level.NATIONAL) {
            if (current.getCertificateNumber().equals(number)) {
                return current;
            }
            // FAILED_PRECONDITION, as the registry answers (its type already-national is not a duplicate-*)
            throw new StatusRuntimeException(Status.FAILED_PRECONDITION.withDescription("nationalCertificateNumber: Listing "
                    + id + " is NATIONAL already, with number " + current.getCertificateNumber()));
        }
        if (current.getStatus() == ListingStatus.REVOKED) {
            throw new StatusRuntimeException(Status.FAILED_PRECONDITION.withDescription(
                    "listingId: A revoked listing cannot become national"));
        }
        if (!current.getCertificateNumber().equals(number) && numberTaken(number)) {
            throw new StatusRuntimeException(Status.FAILED_PRECONDITION.withDescription("nationalCertificateNumber: "
                    + "Certificate number " + number + " belongs to another listing"));
        }
        OffsetDateTime now = now();
        Listing changed = current.toBuilder().setLevel(Level.NATIONAL).setCertificateNumber(number)
                .setCertificateNumberAssigned(false).setGrantedOn(on.toString()).build();
        listings.put(id, changed);
        OffsetDateTime effective = on.isBefore(now.toLocalDate()) ? on.atStartOfDay(ZONE).toOffsetDateTime() : now;
        append(ChangeKind.LEVEL_CHANGED, changed, null, now, effective);
        return changed;
    }

    /** The listing as it is now. */
    public synchronized Optional<Listing> listing(String id) {
        return Optional.ofNullable(listings.get(id));
    }

    /** Every listing, in the order they were registered. */
    public synchronized List<Listing> listings() {
        return List.copyOf(listings.values());
    }

    /** The registration requests that created a listing, in order (retries left out). */
    /** Every ChangeStatus request received, in order (whom the caller acted for, say). */
    public synchronized List<ChangeStatusRequest> statusChangeRequests() {
        return List.copyOf(statusChangeRequests);
    }

    public synchronized List<RegisterListingRequest> registrations() {
        return List.copyOf(registrations);
    }

    /** The enterprise with its listings, as LookupByUscc answers (found false when unknown). */
    public synchronized EnterpriseListings lookup(String uscc) {
        return holder(Uscc.normalize(uscc), null);
    }

    /** The change log so far. */
    public synchronized List<Change> changes() {
        return log.stream().map(Logged::change).toList();
    }

    /** The sequence of the last change, 0 when there is none. */
    public synchronized long lastSequence() {
        return log.size();
    }

    /** A finished screening of this bank that matched these credit codes, for GetWatchlist. */
    public synchronized void putWatchlist(String screeningId, String bankId, List<String> usccs) {
        watchlists.put(screeningId, new Screening(bankId, usccs.stream().distinct().sorted().toList(), true));
    }

    /** A screening of this bank that is not DONE yet: GetWatchlist answers FAILED_PRECONDITION. */
    public synchronized void putUnfinishedScreening(String screeningId, String bankId) {
        watchlists.put(screeningId, new Screening(bankId, List.of(), false));
    }

    /** The region and industry tables served by GetReferenceData (the registry's own). */
    public ReferenceData referenceData() {
        return ReferenceData.newBuilder().addAllRegions(entries(regions)).addAllIndustries(entries(industries)).build();
    }

    // ------------------------------------------------------------------ faults and counts

    /** Calls of this method (e.g. {@code "LookupByUscc"}) wait, without answering, until {@link #heal()}. */
    public void hang(String method) {
        hung.add(method);
    }

    /** Calls of this method fail with this status (e.g. {@code Status.UNAVAILABLE}) until {@link #heal()}. */
    public void fail(String method, Status status) {
        failing.put(method, status);
    }

    /** Every method answers again; hung calls go on. */
    public void heal() {
        failing.clear();
        synchronized (hangGate) {
            hung.clear();
            hangGate.notifyAll();
        }
    }

    /** Calls received of this method (e.g. {@code "BatchLookup"}), answered or not. */
    public int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    /** Open WatchChanges streams. */
    public int openStreams() {
        return followers.size();
    }

    /** Ends every open WatchChanges stream with UNAVAILABLE, as the real one does when it shuts down. */
    public void endStreams() {
        for (Follower follower : followers) {
            follower.end(Status.UNAVAILABLE.withDescription("the registry is shutting down"));
        }
    }

    @Override
    public void close() {
        endStreams();
        heal();
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ the services

    private void enter(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        Status status = failing.get(method);
        if (status != null) {
            throw new StatusRuntimeException(status);
        }
        synchronized (hangGate) {
            while (hung.contains(method)) {
                try {
                    hangGate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StatusRuntimeException(Status.CANCELLED);
                }
            }
        }
    }

    private static <T> void answer(StreamObserver<T> response, java.util.function.Supplier<T> answer) {
        T value;
        try {
            value = answer.get();
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        response.onNext(value);
        response.onCompleted();
    }

    private final class Registry extends RegistryServiceGrpc.RegistryServiceImplBase {

        @Override
        public void registerListing(RegisterListingRequest request, StreamObserver<RegisterListingResponse> response) {
            answer(response, () -> {
                enter("RegisterListing");
                return register(request);
            });
        }

        @Override
        public void getListing(GetListingRequest request, StreamObserver<Listing> response) {
            answer(response, () -> {
                enter("GetListing");
                String id = listingId(request.getId());
                LocalDate asOf = asOf(request.getAsOf());
                synchronized (RegistryFake.this) {
                    Listing current = listing(id).orElseThrow(() -> notFound("Listing " + id));
                    return asOf == null ? current : snapshot(id, asOf).orElseThrow(() -> new StatusRuntimeException(
                            Status.NOT_FOUND.withDescription("asOf: Listing " + id + " did not exist yet on " + asOf)));
                }
            });
        }

        @Override
        public void lookupByUscc(LookupByUsccRequest request, StreamObserver<EnterpriseListings> response) {
            answer(response, () -> {
                enter("LookupByUscc");
                String uscc = Uscc.normalize(request.getUscc());
                String problem = Uscc.problem(uscc);
                if (problem != null) {
                    throw invalid("uscc", problem);
                }
                LocalDate asOf = asOf(request.getAsOf());
                synchronized (RegistryFake.this) {
                    return holder(uscc, asOf);
                }
            });
        }

        @Override
        public void batchLookup(BatchLookupRequest request, StreamObserver<BatchLookupResponse> response) {
            answer(response, () -> {
                enter("BatchLookup");
                if (request.getUsccsCount() == 0 || request.getUsccsCount() > 1000) {
                    throw invalid("usccs", "send between 1 and 1000 credit codes");
                }
                List<String> usccs = request.getUsccsList().stream().map(Uscc::normalize).toList();
                List<String> bad = usccs.stream().filter(u -> !Uscc.isValid(u)).distinct().toList();
                if (!bad.isEmpty()) {
                    throw invalid("usccs", "not valid credit codes: " + String.join(", ", bad));
                }
                LocalDate asOf = asOf(request.getAsOf());
                synchronized (RegistryFake.this) {
                    var answer = BatchLookupResponse.newBuilder().setValidAsOf(timestamp(now()));
                    usccs.forEach(u -> answer.addResults(holder(u, asOf)));
                    return answer.build();
                }
            });
        }

        @Override
        public void changeStatus(ChangeStatusRequest request, StreamObserver<Listing> response) {
            answer(response, () -> {
                enter("ChangeStatus");
                synchronized (RegistryFake.this) {
                    statusChangeRequests.add(request);
                }
                return RegistryFake.this.changeStatus(request.getListingId(), request.getAction(), request.getReason());
            });
        }

        @Override
        public void upgradeToNational(UpgradeToNationalRequest request, StreamObserver<Listing> response) {
            answer(response, () -> {
                enter("UpgradeToNational");
                return RegistryFake.this.upgradeToNational(request);
            });
        }

        @Override
        public void getWatchlist(GetWatchlistRequest request, StreamObserver<Watchlist> response) {
            answer(response, () -> {
                enter("GetWatchlist");
                String id;
                try {
                    id = UUID.fromString(request.getScreeningId().strip()).toString();
                } catch (IllegalArgumentException e) {
                    throw invalid("screening_id", "'" + request.getScreeningId() + "' is not a screening id");
                }
                String bank = request.getBankId().strip();
                if (bank.isEmpty()) {
                    throw invalid("bank_id", "is required: the bank whose screening this is");
                }
                Screening screening;
                synchronized (RegistryFake.this) {
                    screening = watchlists.get(id);
                }
                if (screening == null || !screening.bankId().equals(bank)) {
                    throw notFound("Screening " + id);
                }
                if (!screening.done()) {
                    throw new StatusRuntimeException(Status.FAILED_PRECONDITION.withDescription(
                            "screeningId: Screening " + id + " is not DONE yet"));
                }
                return Watchlist.newBuilder().setScreeningId(id).addAllUsccs(screening.usccs()).build();
            });
        }
    }

    private final class Reference extends ReferenceDataServiceGrpc.ReferenceDataServiceImplBase {

        @Override
        public void getReferenceData(GetReferenceDataRequest request, StreamObserver<ReferenceData> response) {
            answer(response, () -> {
                enter("GetReferenceData");
                return referenceData();
            });
        }
    }

    private final class Feed extends ChangeFeedServiceGrpc.ChangeFeedServiceImplBase {

        @Override
        public void watchChanges(WatchChangesRequest request, StreamObserver<Change> response) {
            try {
                enter("WatchChanges");
            } catch (StatusRuntimeException e) {
                response.onError(e);
                return;
            }
            if (request.getAfterSequence() < 0) {
                response.onError(invalid("after_sequence", "must be 0 or more"));
                return;
            }
            var call = (ServerCallStreamObserver<Change>) response;
            Follower follower = new Follower(call, request.getAfterSequence());
            followers.add(follower);
            call.setOnCancelHandler(() -> followers.remove(follower));
            call.setOnReadyHandler(follower::drain);
            follower.drain();
        }
    }

    /** One open WatchChanges stream: sends what follows its position while the consumer is ready. */
    private final class Follower {

        private final ServerCallStreamObserver<Change> call;
        private long position;
        private boolean ended;

        Follower(ServerCallStreamObserver<Change> call, long after) {
            this.call = call;
            this.position = after;
        }

        synchronized void drain() {
            while (!ended && !call.isCancelled() && call.isReady()) {
                Change next;
                synchronized (RegistryFake.this) {
                    if (position >= log.size()) {
                        return;
                    }
                    next = log.get((int) position).change();
                }
                call.onNext(next);
                position = next.getSequence();
            }
        }

        synchronized void end(Status status) {
            if (!ended) {
                ended = true;
                followers.remove(this);
                try {
                    call.onError(status.asRuntimeException());
                } catch (RuntimeException e) {
                    // the consumer had gone
                }
            }
        }
    }

    /** A call without a bearer token is refused, as the real registry refuses it. */
    private static final class Bearer implements ServerInterceptor {

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            String authorization = headers.get(AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    || authorization.length() < 8) {
                call.close(Status.UNAUTHENTICATED.withDescription(
                        "A valid bearer token from the portal's Keycloak realm is required"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }

    // ------------------------------------------------------------------ helpers (callers hold the lock where they read the memory)

    private void append(ChangeKind kind, Listing listing, ListingStatus previous, OffsetDateTime at,
            OffsetDateTime effective) {
        var change = Change.newBuilder().setSequence(log.size() + 1L).setKind(kind).setOccurredAt(timestamp(at))
                .setActor(ACTOR).setListing(listing);
        if (previous != null) {
            change.setPreviousStatus(previous);
        }
        log.add(new Logged(change.build(), effective));
        for (Follower follower : followers) {
            Thread.ofVirtual().start(follower::drain);
        }
    }

    private EnterpriseListings holder(String uscc, LocalDate asOf) {
        var entry = EnterpriseListings.newBuilder().setUscc(uscc);
        Enterprise enterprise = enterprises.get(uscc);
        if (enterprise == null) {
            return entry.setFound(false).build();
        }
        entry.setFound(true).setEnterprise(enterprise);
        listings.values().stream().filter(l -> l.getEnterprise().getUscc().equals(uscc))
                .map(l -> asOf == null ? Optional.of(l) : snapshot(l.getId(), asOf))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Listing::getYear).reversed().thenComparing(Listing::getCertificateNumber))
                .forEach(entry::addListings);
        return entry.build();
    }

    /** The listing as it stood at the end of {@code day}: its last change that took effect before. */
    private Optional<Listing> snapshot(String id, LocalDate day) {
        OffsetDateTime end = day.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
        Logged last = null;
        for (Logged logged : log) {
            if (logged.change().getListing().getId().equals(id) && logged.effectiveAt().isBefore(end)) {
                if (last == null || !logged.effectiveAt().isBefore(last.effectiveAt())) {
                    last = logged;
                }
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        Listing listing = last.change().getListing();
        var asOf = listing.toBuilder().setAsOf(day.toString());
        var created = listing.getCreatedAt();
        if (!OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(created.getSeconds(), created.getNanos()), ZONE)
                .isBefore(end)) {
            asOf.clearCreatedAt();
        }
        return Optional.of(asOf.build());
    }

    private LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid("as_of", "must be a date YYYY-MM-DD");
        }
        if (day.isAfter(LocalDate.now(ZONE))) {
            throw invalid("as_of", "cannot be in the future (today is " + LocalDate.now(ZONE) + ")");
        }
        return day;
    }

    private boolean numberTaken(String number) {
        return listings.values().stream().anyMatch(l -> l.getCertificateNumber().equals(number));
    }

    private Enterprise enterprise(String uscc, String name, String region, String industry) {
        return Enterprise.newBuilder().setUscc(uscc).setName(name).setRegionCode(region)
                .setRegionName(regions.getOrDefault(region, region)).setCityCode(DivisionCodes.cityOf(region))
                .setProvinceCode(DivisionCodes.provinceOf(region)).setIndustryCode(industry)
                .setIndustryName(industries.getOrDefault(industry, industry)).build();
    }

    private static String typeCode(ListingType type) {
        return switch (type) {
            case GREEN_FACTORY -> "GF";
            case GREEN_PARK -> "GP";
            case GREEN_PRODUCT -> "GD";
            default -> "GS";
        };
    }

    private static String listingId(String value) {
        try {
            return UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw invalid("id", "'" + value + "' is not a listing id");
        }
    }

    private static StatusRuntimeException invalid(String field, String message) {
        return new StatusRuntimeException(Status.INVALID_ARGUMENT.withDescription(field + ": " + message));
    }

    private static StatusRuntimeException notFound(String what) {
        return new StatusRuntimeException(Status.NOT_FOUND.withDescription(what + " was not found"));
    }

    /** Now, to the microsecond (what PostgreSQL keeps of the real registry's times). */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZONE).truncatedTo(ChronoUnit.MICROS);
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
    }

    private static List<ReferenceEntry> entries(Map<String, String> table) {
        return new TreeMap<>(table).entrySet().stream()
                .map(e -> ReferenceEntry.newBuilder().setCode(e.getKey()).setName(e.getValue()).build()).toList();
    }

    private static Map<String, String> table(String file) {
        String resource = "reference/" + file;
        Map<String, String> entries = new LinkedHashMap<>();
        var in = RegistryFake.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the registry's reference table " + resource + " is missing");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int comma = line.indexOf(',');
                entries.put(line.substring(0, comma).trim(), line.substring(comma + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(entries);
    }
}
