package io.greenportal.platform.registryfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.ChangeKind;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.GetWatchlistRequest;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.platform.creditcode.Uscc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fake's own hooks and its feed, in-process. That it answers as the registry does is
 * registry-service's RegistryFakeContractTest.
 */
@Tag("unit")
class RegistryFakeTest {

    final RegistryFake fake = RegistryFake.inProcess();
    final ManagedChannel channel = fake.channel();

    @AfterEach
    void stop() {
        channel.shutdownNow();
        fake.close();
    }

    static final CallCredentials TOKEN = new CallCredentials() {
        @Override
        public void applyRequestMetadata(RequestInfo info, java.util.concurrent.Executor executor, MetadataApplier applier) {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer test");
            applier.apply(headers);
        }
    };

    RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(TOKEN);
    }

    static RegisterListingRequest factory(String uscc) {
        return RegisterListingRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setType(ListingType.GREEN_FACTORY).setLevel(Level.MUNICIPAL)
                .setEnterprise(Enterprise.newBuilder().setUscc(uscc).setName("宁夏替身测试有限公司")
                        .setRegionCode("640104").setIndustryCode("C30"))
                .setYear(2025).build();
    }

    static String uscc() {
        return Uscc.withCheckCharacter("91640104T" + (10_000_000 + (int) (Math.random() * 89_999_999)));
    }

    @Test
    void registersOnceLooksUpAndChangesStatusAsTheContractSays() {
        String uscc = uscc();
        var request = factory(uscc);
        var first = registry().registerListing(request);
        var again = registry().registerListing(request);
        assertThat(first.getCreated()).isTrue();
        assertThat(again.getCreated()).isFalse();
        assertThat(again.getListing()).isEqualTo(first.getListing());
        Listing listing = first.getListing();
        assertThat(listing.getCertificateNumber()).isEqualTo("GF-640100-2025-0001");
        assertThat(listing.getEnterprise().getRegionName()).isEqualTo("兴庆区");
        assertThat(listing.getEnterprise().getCityCode()).isEqualTo("640100");
        assertThat(fake.registrations()).containsExactly(request);

        var found = registry().lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).build());
        assertThat(found.getFound()).isTrue();
        assertThat(found.getListingsList()).containsExactly(listing);
        assertThat(registry().lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc()).build()).getFound()).isFalse();

        assertThat(fake.changeStatus(listing.getId(), StatusAction.SUSPEND, "整改").getStatus()).isEqualTo(ListingStatus.SUSPENDED);
        assertThat(fake.changeStatus(listing.getId(), StatusAction.REVOKE, "撤销").getStatus()).isEqualTo(ListingStatus.REVOKED);
        assertThatThrownBy(() -> fake.changeStatus(listing.getId(), StatusAction.RESTORE, "恢复"))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
        assertThatThrownBy(() -> registry().getListing(GetListingRequest.newBuilder().setId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThat(fake.changes()).extracting(Change::getKind)
                .containsExactly(ChangeKind.LISTING_CREATED, ChangeKind.STATUS_CHANGED, ChangeKind.STATUS_CHANGED);
    }

    @Test
    void aCallWithoutATokenIsUnauthenticated() {
        assertThatThrownBy(() -> RegistryServiceGrpc.newBlockingStub(channel)
                .getListing(GetListingRequest.newBuilder().setId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aMethodFailsOrHangsUntilHealedAndCallsAreCounted() {
        var lookup = LookupByUsccRequest.newBuilder().setUscc(uscc()).build();
        fake.fail("LookupByUscc", Status.UNAVAILABLE);
        assertThatThrownBy(() -> registry().lookupByUscc(lookup)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        fake.heal();
        fake.hang("LookupByUscc");
        assertThatThrownBy(() -> registry().withDeadlineAfter(300, TimeUnit.MILLISECONDS).lookupByUscc(lookup))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
        fake.heal();
        assertThat(registry().lookupByUscc(lookup).getFound()).isFalse();
        assertThat(fake.calls("LookupByUscc")).isEqualTo(3);
        assertThat(fake.calls("GetListing")).isZero();
    }

    @Test
    void watchlistsAreTheBanksOwnAndOnlyWhenDone() {
        String done = UUID.randomUUID().toString();
        String pending = UUID.randomUUID().toString();
        fake.putWatchlist(done, "NXBANK", List.of("91640100MA76A00010", "91640200MA76B00020", "91640100MA76A00010"));
        fake.putUnfinishedScreening(pending, "NXBANK");
        assertThat(registry().getWatchlist(GetWatchlistRequest.newBuilder().setScreeningId(done).setBankId("NXBANK").build())
                .getUsccsList()).containsExactly("91640100MA76A00010", "91640200MA76B00020");
        for (var request : List.of(GetWatchlistRequest.newBuilder().setScreeningId(done).setBankId("HHRCB").build(),
                GetWatchlistRequest.newBuilder().setScreeningId(UUID.randomUUID().toString()).setBankId("NXBANK").build())) {
            assertThatThrownBy(() -> registry().getWatchlist(request)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        }
        assertThatThrownBy(() -> registry().getWatchlist(GetWatchlistRequest.newBuilder().setScreeningId(pending)
                .setBankId("NXBANK").build())).isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }

    /** A consumer that asks for one change at a time (the feed's flow control), as the followers do. */
    static final class OneByOne implements ClientResponseObserver<WatchChangesRequest, Change> {

        final LinkedBlockingQueue<Change> received = new LinkedBlockingQueue<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        volatile ClientCallStreamObserver<WatchChangesRequest> call;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchChangesRequest> requestStream) {
            call = requestStream;
            requestStream.disableAutoRequestWithInitial(1);
        }

        @Override
        public void onNext(Change value) {
            received.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
        }

        @Override
        public void onCompleted() {
        }

        Change next() throws InterruptedException {
            Change change = received.poll(5, TimeUnit.SECONDS);
            call.request(1);
            return change;
        }
    }

    @Test
    void theFeedReplaysFromAPositionThenFollowsLiveAndEndsUnavailable() throws Exception {
        fake.demoAccounts();
        long before = fake.lastSequence();
        assertThat(before).isEqualTo(4); // three created, one suspended
        var consumer = new OneByOne();
        ChangeFeedServiceGrpc.newStub(channel).withCallCredentials(TOKEN)
                .watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(2).build(), consumer);
        assertThat(consumer.next().getSequence()).isEqualTo(3);
        assertThat(consumer.next().getSequence()).isEqualTo(4);
        assertThat(consumer.received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        Listing live = fake.register(factory(uscc())).getListing();
        Change next = consumer.next();
        assertThat(next.getSequence()).isEqualTo(5);
        assertThat(next.getKind()).isEqualTo(ChangeKind.LISTING_CREATED);
        assertThat(next.getListing()).isEqualTo(live);
        assertThat(fake.openStreams()).isEqualTo(1);
        fake.endStreams();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> consumer.error.get() != null);
        assertThat(Status.fromThrowable(consumer.error.get()).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }
}
