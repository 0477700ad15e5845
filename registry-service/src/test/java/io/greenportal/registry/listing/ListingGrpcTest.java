package io.greenportal.registry.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.BatchLookupRequest;
import io.greenportal.contracts.registry.v1.ChangeStatusRequest;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.registry.support.TestData;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

@IntegrationTest
class ListingGrpcTest {

    @Value("${local.grpc.port}")
    int grpcPort;

    @org.springframework.beans.factory.annotation.Autowired
    ListingStore listings;

    ManagedChannel channel;
    RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    @BeforeEach
    void connect() {
        channel = Grpc.channel(grpcPort);
        registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("certification-service"));
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    static RegisterListingRequest request(String requestId, String uscc) {
        return TestData.product(requestId, uscc);
    }

    @Test
    void aRetriedRegistrationReturnsTheFirstListing() {
        String requestId = UUID.randomUUID().toString();
        String uscc = TestData.uscc("640502");
        var first = registry.registerListing(request(requestId, uscc));
        var retry = registry.registerListing(request(requestId, uscc));

        assertThat(first.getCreated()).isTrue();
        assertThat(retry.getCreated()).isFalse();
        assertThat(retry.getListing().getId()).isEqualTo(first.getListing().getId());
        assertThat(first.getListing().getCertificateNumber()).startsWith("GD-640000-2025-");
        assertThat(registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).build()).getListingsCount())
                .isEqualTo(1);
    }

    @Test
    void refusesAnonymousAndWrongRoleCallersButNotHealthProbes() {
        var anonymous = RegistryServiceGrpc.newBlockingStub(channel);
        assertThatThrownBy(() -> anonymous.getListing(GetListingRequest.newBuilder().setId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        for (String token : List.of(Tokens.user("ent-a"), Tokens.client("bank-a"), Tokens.user("rev-prov"))) {
            var wrongRole = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), token);
            assertThatThrownBy(() -> wrongRole.registerListing(request(UUID.randomUUID().toString(), TestData.uscc("640502"))))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
        var forged = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.user("admin") + "x");
        assertThatThrownBy(() -> forged.getListing(GetListingRequest.newBuilder().setId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

        var health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder()
                .setService("greenportal.registry.v1.RegistryService").build());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void servesItsReferenceDataToAuthenticatedCallersOnly() {
        var reference = Grpc.as(io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc.newBlockingStub(channel),
                Tokens.client("incentive-service"))
                .getReferenceData(io.greenportal.contracts.registry.v1.GetReferenceDataRequest.getDefaultInstance());
        assertThat(reference.getRegionsList()).anySatisfy(r -> {
            assertThat(r.getCode()).isEqualTo("640100");
            assertThat(r.getName()).isEqualTo("银川市");
        });
        assertThat(reference.getIndustriesList()).anySatisfy(i -> assertThat(i.getCode()).isEqualTo("C30"));
        var anonymous = io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc.newBlockingStub(channel);
        assertThatThrownBy(() -> anonymous.getReferenceData(
                io.greenportal.contracts.registry.v1.GetReferenceDataRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void invalidInputIsInvalidArgumentNamingTheField() {
        var missingId = request("", TestData.uscc("640502"));
        assertThatThrownBy(() -> registry.registerListing(missingId))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("request_id");
                });
        var badUscc = request(UUID.randomUUID().toString(), "914403001922038217");
        assertThatThrownBy(() -> registry.registerListing(badUscc))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("enterprise.uscc");
                });
        assertThatThrownBy(() -> registry.getListing(GetListingRequest.newBuilder().setId("../etc/passwd").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> registry.getListing(GetListingRequest.newBuilder().setId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void batchLookupAnswersAThousandCodesInRequestOrder() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String uscc = TestData.uscc("640502");
            registry.registerListing(request(UUID.randomUUID().toString(), uscc));
            known.add(uscc);
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 997; i++) {
            codes.add(TestData.uscc("640100"));
        }
        codes.add(10, known.get(0));
        codes.add(500, known.get(1));
        codes.add(known.get(2));

        var response = registry.batchLookup(BatchLookupRequest.newBuilder().addAllUsccs(codes).build());

        assertThat(response.getResultsCount()).isEqualTo(1000);
        assertThat(response.getResultsList().stream().map(r -> r.getUscc()).toList()).isEqualTo(codes);
        assertThat(response.getResults(10).getFound()).isTrue();
        assertThat(response.getResults(10).getListings(0).getStatus().name()).isEqualTo("ACTIVE");
        assertThat(response.getResults(500).getFound()).isTrue();
        assertThat(response.getResults(999).getFound()).isTrue();
        assertThat(response.getResults(11).getFound()).isFalse();
        assertThat(response.getValidAsOf().getSeconds()).isPositive();

        codes.add(TestData.uscc("640100"));
        assertThatThrownBy(() -> registry.batchLookup(BatchLookupRequest.newBuilder().addAllUsccs(codes).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> registry.batchLookup(BatchLookupRequest.newBuilder().addUsccs(known.get(0))
                .addUsccs("91440300192203821X").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getDescription()).contains("91440300192203821X"));
    }

    @Test
    void changesStatusWithReasonAndRevocationIsFinal() {
        var listing = registry.registerListing(request(UUID.randomUUID().toString(), TestData.uscc("640502"))).getListing();
        var revoked = registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(listing.getId())
                .setAction(StatusAction.REVOKE).setReason("年报显示能耗不达标").build());
        assertThat(revoked.getStatus().name()).isEqualTo("REVOKED");
        assertThatThrownBy(() -> registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(listing.getId())
                .setAction(StatusAction.RESTORE).setReason("申诉").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
        assertThatThrownBy(() -> registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(listing.getId())
                .setAction(StatusAction.SUSPEND).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void aStatusChangeRecordsThePersonTheServiceActedFor() {
        var listing = registry.registerListing(request(UUID.randomUUID().toString(), TestData.uscc("640502"))).getListing();
        registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(listing.getId()).setAction(StatusAction.SUSPEND)
                .setReason("年度报告逾期未报送").setActingFor("rev-prov").build());
        assertThat(listings.find(UUID.fromString(listing.getId())).orElseThrow().statusChangedBy())
                .isEqualTo("rev-prov (service-account-certification-service)");
        registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(listing.getId()).setAction(StatusAction.RESTORE)
                .setReason("整改完成").build());
        assertThat(listings.find(UUID.fromString(listing.getId())).orElseThrow().statusChangedBy())
                .as("acting for no one: the service alone").isEqualTo("service-account-certification-service");
        for (String bad : List.of("rev prov", "a\u0000b", "x".repeat(65), "r\u0435v-prov")) { // Cyrillic е
            assertThatThrownBy(() -> registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(listing.getId())
                    .setAction(StatusAction.SUSPEND).setReason("r").setActingFor(bad).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        }
        assertThat(listings.find(UUID.fromString(listing.getId())).orElseThrow().status()).isEqualTo(ListingStatus.ACTIVE);
        // a person (an administrator) calling directly acts for no one else
        var admin = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.user("admin"));
        assertThatThrownBy(() -> admin.changeStatus(ChangeStatusRequest.newBuilder().setListingId(listing.getId())
                .setAction(StatusAction.SUSPEND).setReason("r").setActingFor("rev-prov").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThat(listings.find(UUID.fromString(listing.getId())).orElseThrow().status()).isEqualTo(ListingStatus.ACTIVE);
    }

    @Test
    void aNationalAcceptanceMakesTheListingNationalOnceWithItsNumberAndDateInTheHistory() {
        var listing = registry.registerListing(request(UUID.randomUUID().toString(), TestData.uscc("640502"))).getListing();
        String number = "GD-N-" + System.nanoTime() % 1_000_000_000L;
        var upgrade = io.greenportal.contracts.registry.v1.UpgradeToNationalRequest.newBuilder()
                .setListingId(listing.getId()).setNationalCertificateNumber(number).setNationalOn("2026-01-15")
                .setReason("国家级绿色设计产品名单").build();
        var national = registry.upgradeToNational(upgrade);
        assertThat(national.getLevel().name()).isEqualTo("NATIONAL");
        assertThat(national.getCertificateNumber()).isEqualTo(number);
        assertThat(national.getGrantedOn()).isEqualTo("2026-01-15");
        assertThat(national.getStatus().name()).isEqualTo("ACTIVE");
        // a retry answers the listing as it is; another number is refused; the number is unique
        assertThat(registry.upgradeToNational(upgrade).getCertificateNumber()).isEqualTo(number);
        assertThatThrownBy(() -> registry.upgradeToNational(upgrade.toBuilder().setNationalCertificateNumber(number + "X").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
        var other = registry.registerListing(request(UUID.randomUUID().toString(), TestData.uscc("640502"))).getListing();
        assertThatThrownBy(() -> registry.upgradeToNational(upgrade.toBuilder().setListingId(other.getId()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
        assertThatThrownBy(() -> registry.upgradeToNational(upgrade.toBuilder().setListingId(other.getId())
                .setNationalOn("2026-02-30").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        // a revoked listing never becomes national
        registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(other.getId())
                .setAction(StatusAction.REVOKE).setReason("撤销").build());
        assertThatThrownBy(() -> registry.upgradeToNational(upgrade.toBuilder().setListingId(other.getId())
                .setNationalCertificateNumber(number + "Y").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
        // enterprises and banks may not upgrade anything
        var enterprise = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.user("ent-a"));
        assertThatThrownBy(() -> enterprise.upgradeToNational(upgrade))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }
}
