package io.greenportal.certification.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.annual.AnnualReportService;
import io.greenportal.certification.annual.ListingStatusChanges;
import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.application.Workflow;
import io.greenportal.certification.batch.BatchStore;
import io.greenportal.certification.noticefeed.NoticeLog;
import io.greenportal.certification.noticefeed.Notices;
import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.certification.outbox.RegistryOutboxWorker;
import io.greenportal.certification.publicity.PublicityService;
import io.greenportal.certification.support.ServiceFlow;
import io.greenportal.contracts.certification.v1.NoticeChangeKind;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;
import io.grpc.ManagedChannel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An approval becomes exactly one registry listing, whatever happens between the registry's answer
 * and the local update: retries, two workers at once, a crash after the registry created it, a
 * registry that is down for a while.
 */
@IntegrationTest
class RegistrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PublicityService publicity;

    @Autowired
    RegistryOutboxWorker worker;

    @Autowired
    RegistryOutbox outbox;

    @Autowired
    ApplicationStore applications;

    @Autowired
    BatchStore batches;

    @Autowired
    Workflow workflow;

    @Autowired
    NoticeLog notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    ServiceFlow flow;
    ManagedChannel channel;
    RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    UUID batch;

    @BeforeEach
    void setUp() {
        flow = new ServiceFlow(context);
        batch = flow.batch();
        channel = Grpc.channel(io.greenportal.certification.support.TestData.registryGrpcPort());
        registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("certification-service"));
    }

    @AfterEach
    void tearDown() {
        channel.shutdownNow();
    }

    List<Listing> listingsOf(String uscc) {
        return registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).build()).getListingsList();
    }

    long closedNotices(UUID id) {
        return notices.readAfter(0, 100_000).stream()
                .filter(c -> c.getKind() == NoticeChangeKind.NOTICE_CLOSED
                        && c.getNotice().getApplicationId().equals(id.toString()))
                .count();
    }

    @Test
    void aCrashAfterTheRegistryAnsweredLeavesExactlyOneListing() throws Exception {
        Caller enterprise = ServiceFlow.newEnterprise();
        UUID id = flow.inPublicity(enterprise, batch);
        Application application = flow.get(id);
        // a previous attempt reached the registry and then crashed before it could store the answer
        Listing first = registry.registerListing(ListingRegistration.request(RegistryOutbox.registrationRequestId(id),
                application, batches.find(batch).orElseThrow())).getListing();

        flow.advance(Duration.ofDays(6));
        assertThat(publicity.closeIfEnded(id)).isTrue();
        Application registered = flow.awaitListing(id);

        assertThat(registered.listingId().toString()).isEqualTo(first.getId());
        assertThat(registered.certificateNumber()).isEqualTo(first.getCertificateNumber());
        assertThat(listingsOf(enterprise.uscc())).singleElement()
                .satisfies(l -> assertThat(l.getSourceRef()).isEqualTo(id.toString()));
        assertThat(outbox.registrationOf(id).orElseThrow().status()).isEqualTo("DONE");
        assertThat(closedNotices(id)).isEqualTo(1);
    }

    @Test
    void workersRacingOnOneApprovalCreateOneListingAndCompleteItOnce() throws Exception {
        Caller enterprise = ServiceFlow.newEnterprise();
        UUID id = flow.inPublicity(enterprise, batch);
        flow.advance(Duration.ofDays(6));
        assertThat(publicity.closeIfEnded(id)).isTrue();
        assertThat(publicity.closeIfEnded(id)).as("approving twice").isFalse();

        var pool = Executors.newFixedThreadPool(6);
        List<Future<Boolean>> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(pool.submit((Callable<Boolean>) () -> worker.deliver(outbox.registrationOf(id).orElseThrow().id())));
        }
        int completed = 0;
        for (Future<Boolean> run : runs) {
            completed += run.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        worker.runDue();
        Application registered = flow.awaitListing(id);

        assertThat(completed).isLessThanOrEqualTo(1);
        assertThat(listingsOf(enterprise.uscc())).singleElement()
                .satisfies(l -> assertThat(l.getId()).isEqualTo(registered.listingId().toString()));
        assertThat(closedNotices(id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from annual_report where application_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(outbox.registrationOf(id).orElseThrow().status()).isEqualTo("DONE");
    }

    @Test
    void anUnreachableRegistryIsRetriedUntilItAnswers() throws Exception {
        Caller enterprise = ServiceFlow.newEnterprise();
        UUID id = flow.inPublicity(enterprise, batch);
        // approve without waking the worker, and keep the scheduled one away for now
        transactions.executeWithoutResult(status -> {
            Application application = workflow.lock(id);
            workflow.move(application, ApplicationState.APPROVED, Caller.SYSTEM, "test approval");
            jdbc.sql("""
                    insert into registry_outbox (kind, request_id, application_id, status, next_attempt_at, created_at)
                    values ('REGISTER_LISTING', :request, :id, 'PENDING', :later, :now)""")
                    .param("request", RegistryOutbox.registrationRequestId(id)).param("id", id)
                    .param("later", Times.now(clock).plusDays(1)).param("now", Times.now(clock)).update();
        });
        long entry = outbox.registrationOf(id).orElseThrow().id();

        ManagedChannel nowhere = Grpc.channel(1);
        try {
            var unreachable = RegistryServiceGrpc.newBlockingStub(nowhere);
            var down = new RegistryOutboxWorker(outbox, new ListingRegistration(outbox, applications, batches,
                    context.getBean(Notices.class), context.getBean(AnnualReportService.class), unreachable, transactions,
                    clock), new ListingStatusChanges(outbox, unreachable, transactions, clock),
                    new io.greenportal.certification.national.NationalUpgrades(outbox, unreachable, transactions, clock), clock);
            assertThat(down.deliver(entry)).isFalse();
        } finally {
            nowhere.shutdownNow();
        }
        var pending = outbox.registrationOf(id).orElseThrow();
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError()).contains("UNAVAILABLE");
        assertThat(flow.get(id).listingId()).isNull();
        assertThat(listingsOf(enterprise.uscc())).isEmpty();

        // the next scheduled attempt (after the back-off) reaches the real registry
        Application registered = flow.awaitListing(id);
        assertThat(listingsOf(enterprise.uscc())).singleElement()
                .satisfies(l -> assertThat(l.getId()).isEqualTo(registered.listingId().toString()));
        assertThat(outbox.registrationOf(id).orElseThrow().attempts()).isEqualTo(2);
    }
}
