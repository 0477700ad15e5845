package io.greenportal.registry.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.greenportal.contracts.registry.v1.BatchLookupRequest;
import io.greenportal.contracts.registry.v1.BatchLookupResponse;
import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.ChangeStatusRequest;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.GetReferenceDataRequest;
import io.greenportal.contracts.registry.v1.Indicator;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.ReferenceData;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegisterListingResponse;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.contracts.registry.v1.UpgradeToNationalRequest;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.platform.registryfake.RegistryFake;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.StreamConsumer;
import io.greenportal.platform.test.Tokens;
import io.greenportal.registry.support.TestData;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The registry fake (platform/registry-fake), which the certification, incentive and publicity tests
 * talk to instead of this registry, answers as this registry does: one scenario (register, retry, get,
 * look up, batch look-up, change status, upgrade, watch the changes from 0 and live, reference data,
 * refusals) runs against this registry's real gRPC server and against the fake, and the answers agree
 * once what differs by nature (ids, times, serial numbers, sequence numbers, actors) is set aside.
 * A change of either that a caller could see fails here, so the fake cannot drift silently.
 */
@IntegrationTest
class RegistryFakeContractTest {

    @Value("${local.grpc.port}")
    int grpcPort;

    RegistryFake fake;
    ManagedChannel realChannel;
    ManagedChannel fakeChannel;

    @BeforeEach
    void start() {
        fake = RegistryFake.start();
        realChannel = Grpc.channel(grpcPort);
        fakeChannel = Grpc.channel(fake.port());
    }

    @AfterEach
    void stop() {
        realChannel.shutdownNow();
        fakeChannel.shutdownNow();
        fake.close();
    }

    /** The codes and keys one scenario uses: the same in both runs (they are separate registries). */
    record Seeds(String uscc, String unknown, String requestId, String productRequestId, String liveRequestId,
            String national, String unknownId, String importUscc, String importRequestId) {

        static Seeds fresh() {
            return new Seeds(TestData.uscc("640104"), TestData.uscc("640104"), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "CN-CONTRACT-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID().toString(),
                    TestData.uscc("640104"), UUID.randomUUID().toString());
        }
    }

    @Test
    void theFakeAnswersTheScenarioAsTheRegistryDoes() throws Exception {
        Seeds seeds = Seeds.fresh();
        List<Object> real = scenario(realChannel, seeds);
        List<Object> faked = scenario(fakeChannel, seeds);
        assertThat(faked).hasSameSizeAs(real);
        for (int i = 0; i < real.size(); i++) {
            assertThat(faked.get(i)).as("step %d", i).isEqualTo(real.get(i));
        }
    }

    @Test
    void theFakeServesTheRegistrysReferenceData() {
        ReferenceData real = Grpc.as(ReferenceDataServiceGrpc.newBlockingStub(realChannel), Tokens.client("incentive-service"))
                .getReferenceData(GetReferenceDataRequest.getDefaultInstance());
        ReferenceData faked = Grpc.as(ReferenceDataServiceGrpc.newBlockingStub(fakeChannel), Tokens.client("incentive-service"))
                .getReferenceData(GetReferenceDataRequest.getDefaultInstance());
        assertThat(faked).isEqualTo(real);
    }

    @Test
    void bothRefuseACallWithoutAToken() {
        for (ManagedChannel channel : List.of(realChannel, fakeChannel)) {
            var anonymous = RegistryServiceGrpc.newBlockingStub(channel);
            assertThatThrownBy(() -> anonymous.getListing(GetListingRequest.newBuilder()
                    .setId(UUID.randomUUID().toString()).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
    }

    List<Object> scenario(ManagedChannel channel, Seeds seeds) throws Exception {
        var registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("certification-service"));
        var feed = Grpc.as(ChangeFeedServiceGrpc.newStub(channel), Tokens.client("publicity-service"));
        List<Object> seen = new ArrayList<>();
        String uscc = seeds.uscc();
        String requestId = seeds.requestId();
        int lastYear = LocalDate.now().getYear() - 1;

        RegisterListingRequest factory = RegisterListingRequest.newBuilder().setRequestId(requestId)
                .setType(ListingType.GREEN_FACTORY).setLevel(Level.PROVINCIAL)
                .setEnterprise(Enterprise.newBuilder().setUscc(uscc).setName("宁夏契约测试建材有限公司")
                        .setRegionCode("640104").setIndustryCode("C30"))
                .setSubject(Subject.newBuilder().setSiteName("宁东生产基地").setEvaluationStandard("GB/T 36132-2018"))
                .setYear(lastYear).setBatch(lastYear + "年度第1批")
                .addIndicators(Indicator.newBuilder().setCode("ENERGY_PER_VALUE_ADDED").setValue("0.352").setUnit("tce/万元"))
                .addIndicators(Indicator.newBuilder().setCode("WATER_REUSE_RATE").setName("工业用水重复利用率").setValue("92.50")
                        .setUnit("%"))
                .setSource("CERTIFICATION").setSourceRef("contract-test").build();
        RegisterListingResponse created = registry.registerListing(factory);
        Listing listing = created.getListing();
        String id = listing.getId();
        seen.add(created.getCreated());
        seen.add(normal(listing));
        RegisterListingResponse retried = registry.registerListing(factory);
        seen.add(retried.getCreated());
        seen.add(retried.getListing().getId().equals(id));
        seen.add(normal(retried.getListing()));
        // a product of this year, granted on a given day, registered by the same firm
        RegisterListingResponse product = registry.registerListing(TestData.product(seeds.productRequestId(), uscc)
                .toBuilder().setGrantedOn(LocalDate.now().minusDays(3).toString()).build());
        seen.add(normal(product.getListing()));
        // an imported national listing whose list gives no number: the registry's number, flagged as such
        seen.add(normal(registry.registerListing(factory.toBuilder().setRequestId(seeds.importRequestId())
                .setLevel(Level.NATIONAL).setYear(2019).clearBatch()
                .setEnterprise(factory.getEnterprise().toBuilder().setUscc(seeds.importUscc()))
                .setSource("IMPORT").setSourceRef("national-list-2019.csv").build()).getListing()));

        seen.add(normal(registry.getListing(GetListingRequest.newBuilder().setId(id).build())));
        seen.add(refusal(() -> registry.getListing(GetListingRequest.newBuilder().setId(seeds.unknownId()).build())));
        seen.add(refusal(() -> registry.getListing(GetListingRequest.newBuilder().setId("no-id").build())));
        seen.add(refusal(() -> registry.registerListing(factory.toBuilder().setRequestId("").build())));
        seen.add(refusal(() -> registry.registerListing(factory.toBuilder().setRequestId(UUID.randomUUID().toString())
                .setEnterprise(factory.getEnterprise().toBuilder().setUscc("914403001922038217")).build())));

        seen.add(normal(registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc.toLowerCase()).build())));
        String unknown = seeds.unknown();
        seen.add(normal(registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(unknown).build())));
        seen.add(refusal(() -> registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc("914403001922038217").build())));
        BatchLookupResponse batch = registry.batchLookup(BatchLookupRequest.newBuilder().addUsccs(unknown).addUsccs(uscc).build());
        seen.add(batch.hasValidAsOf());
        seen.add(batch.getResultsList().stream().map(RegistryFakeContractTest::normal).toList());
        seen.add(refusal(() -> registry.batchLookup(BatchLookupRequest.getDefaultInstance())));

        Function<StatusAction, Object> change = action -> {
            try {
                return normal(registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(id).setAction(action)
                        .setReason("契约测试：" + action).build()));
            } catch (StatusRuntimeException e) {
                return e.getStatus().getCode() + " " + ids(e.getStatus().getDescription());
            }
        };
        seen.add(change.apply(StatusAction.RESTORE)); // not suspended: refused
        seen.add(change.apply(StatusAction.SUSPEND));
        seen.add(change.apply(StatusAction.SUSPEND)); // already suspended: refused
        seen.add(change.apply(StatusAction.RESTORE));
        seen.add(refusal(() -> registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(id)
                .setAction(StatusAction.SUSPEND).setReason(" ").build())));
        seen.add(refusal(() -> registry.changeStatus(ChangeStatusRequest.newBuilder().setListingId(seeds.unknownId())
                .setAction(StatusAction.SUSPEND).setReason("无此称号").build())));
        String national = seeds.national();
        var upgrade = UpgradeToNationalRequest.newBuilder().setListingId(id).setNationalCertificateNumber(national)
                .setNationalOn(LocalDate.now().minusDays(1).toString()).setReason("国家级绿色工厂名单").build();
        Listing upgraded = registry.upgradeToNational(upgrade);
        seen.add(normal(upgraded));
        seen.add(upgraded.getCertificateNumber().equals(national));
        seen.add(normal(registry.upgradeToNational(upgrade)));
        seen.add(refusal(() -> registry.upgradeToNational(upgrade.toBuilder().setNationalCertificateNumber(national + "X").build())));
        seen.add(change.apply(StatusAction.REVOKE));
        seen.add(change.apply(StatusAction.RESTORE)); // revocation is final
        seen.add(refusal(() -> registry.upgradeToNational(upgrade.toBuilder()
                .setNationalCertificateNumber(national + "Y").build())));
        seen.add(normal(registry.getListing(GetListingRequest.newBuilder().setId(id)
                .setAsOf(LocalDate.now().minusDays(1).toString()).build())));
        seen.add(refusal(() -> registry.getListing(GetListingRequest.newBuilder().setId(id)
                .setAsOf(LocalDate.now().plusDays(2).toString()).build())));

        // the change feed from 0: this scenario's changes in order, then a live one
        var consumer = new StreamConsumer<WatchChangesRequest, Change>();
        feed.watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(0).build(), consumer);
        List<Change> ours = new ArrayList<>();
        long last = 0;
        while (ours.size() < 6) {
            Change next = consumer.next(Duration.ofSeconds(10));
            assertThat(next).as("the feed goes on to this scenario's changes").isNotNull();
            assertThat(next.getSequence()).as("in order").isGreaterThan(last);
            last = next.getSequence();
            if (next.getListing().getEnterprise().getUscc().equals(uscc)) {
                ours.add(next);
            }
        }
        RegisterListingResponse live = registry.registerListing(factory.toBuilder().setRequestId(seeds.liveRequestId())
                .setYear(lastYear - 1).setBatch((lastYear - 1) + "年度第2批").build());
        Change liveChange = null;
        while (liveChange == null) {
            Change next = consumer.next(Duration.ofSeconds(10));
            assertThat(next).as("the live change arrives").isNotNull();
            assertThat(next.getSequence()).isGreaterThan(last);
            last = next.getSequence();
            if (next.getListing().getId().equals(live.getListing().getId())) {
                liveChange = next;
            }
        }
        consumer.hangUp();
        ours.add(liveChange);
        seen.add(ours.stream().map(RegistryFakeContractTest::normal).toList());
        seen.add(consumer.error == null || consumer.error instanceof StatusRuntimeException);
        // the feed from a position: what follows it, nothing before
        var resumed = new StreamConsumer<WatchChangesRequest, Change>();
        feed.watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(ours.get(5).getSequence()).build(), resumed);
        Change first = resumed.next(Duration.ofSeconds(10));
        resumed.hangUp();
        seen.add(first.getSequence() == ours.get(5).getSequence() + 1);
        seen.add(first.getSequence() == ours.get(6).getSequence() ? normal(first) : "another writer's change");
        seen.add(ours.get(0).getSequence() < ours.get(1).getSequence());
        return seen;
    }

    static Object refusal(Runnable call) {
        try {
            call.run();
            return "answered";
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() + " " + ids(e.getStatus().getDescription());
        }
    }

    /** A refusal's text with listing ids (which differ by nature) replaced. */
    static String ids(String text) {
        return text == null ? null : text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
    }

    /** The listing with what differs by nature replaced: its id, times, serial and actor. */
    static Map<String, Object> normal(Listing listing) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", listing.getId().isEmpty() ? "" : "an id");
        fields.put("certificateNumber", listing.getCertificateNumber().replaceAll("-\\d{4,}$", "-NNNN"));
        fields.put("statusChangedAt", listing.hasStatusChangedAt());
        fields.put("createdAt", listing.hasCreatedAt());
        fields.put("grantedOnIsSet", !listing.getGrantedOn().isEmpty());
        fields.put("rest", listing.toBuilder().clearId().clearCertificateNumber().clearStatusChangedAt().clearCreatedAt()
                .build());
        return fields;
    }

    static Map<String, Object> normal(EnterpriseListings holder) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("found", holder.getFound());
        fields.put("enterprise", holder.getEnterprise());
        fields.put("uscc", holder.getUscc().equals(holder.getEnterprise().getUscc()) || !holder.getFound());
        fields.put("listings", holder.getListingsList().stream().map(RegistryFakeContractTest::normal).toList());
        return fields;
    }

    static Map<String, Object> normal(Change change) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", change.getKind());
        fields.put("previousStatus", change.getPreviousStatus());
        fields.put("occurredAt", change.hasOccurredAt());
        fields.put("listing", normal(change.getListing()));
        return fields;
    }
}
