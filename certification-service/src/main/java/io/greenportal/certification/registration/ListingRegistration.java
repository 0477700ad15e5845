package io.greenportal.certification.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.annual.AnnualReportService;
import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.batch.Batch;
import io.greenportal.certification.batch.BatchStore;
import io.greenportal.certification.noticefeed.Notices;
import io.greenportal.certification.publicity.PublicityService;
import io.greenportal.certification.time.Times;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Indicator;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegisterListingResponse;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.Subject;
import io.grpc.StatusRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns approvals into registry listings. Each pending registration is worked on under its row lock
 * ({@code for update skip locked}, so two workers never work on the same one): the registry is asked
 * to register with the application's request id, then the listing id and certificate number are
 * stored, in the same transaction that completes the row. The registry is idempotent by request id,
 * so a crash after it answered (or any retry) gets the same listing back: never zero, never two.
 */
@Component
public class RegistrationWorker {

    private static final Logger log = LoggerFactory.getLogger(RegistrationWorker.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final RegistrationStore registrations;
    private final ApplicationStore applications;
    private final BatchStore batches;
    private final Notices notices;
    private final AnnualReportService annualReports;
    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public RegistrationWorker(RegistrationStore registrations, ApplicationStore applications, BatchStore batches,
            Notices notices, AnnualReportService annualReports, RegistryServiceGrpc.RegistryServiceBlockingStub registry,
            TransactionTemplate transactions, Clock clock) {
        this.registrations = registrations;
        this.applications = applications;
        this.batches = batches;
        this.notices = notices;
        this.annualReports = annualReports;
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    @TransactionalEventListener
    void approved(PublicityService.Approved approved) {
        Thread.ofVirtual().name("registration").start(() -> register(approved.applicationId()));
    }

    @Scheduled(fixedDelayString = "${greenportal.registration.retry-interval:5s}",
            initialDelayString = "${greenportal.registration.retry-interval:5s}")
    public void runDue() {
        List<UUID> due = registrations.due(Times.now(clock), 50);
        for (UUID applicationId : due) {
            register(applicationId);
        }
    }

    /** Registers one approved application if it is still pending; answers whether it completed now. */
    public boolean register(UUID applicationId) {
        try {
            Boolean done = transactions.execute(status -> {
                var pending = registrations.lockPending(applicationId);
                if (pending.isEmpty()) {
                    return false;
                }
                Application application = applications.find(applicationId).orElseThrow();
                Batch batch = batches.find(application.batchId()).orElseThrow();
                RegisterListingResponse response;
                try {
                    response = registry.withDeadlineAfter(10, TimeUnit.SECONDS)
                            .registerListing(request(pending.get().requestId(), application, batch));
                } catch (StatusRuntimeException e) {
                    int attempts = pending.get().attempts() + 1;
                    Duration backoff = Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempts, 20)));
                    registrations.failed(applicationId, e.getStatus().toString(), Times.now(clock).plus(backoff));
                    log.warn("registering application {} failed (attempt {}), retrying in {}: {}", applicationId,
                            attempts, backoff, e.getStatus());
                    return false;
                }
                complete(application, batch, response);
                return true;
            });
            return Boolean.TRUE.equals(done);
        } catch (RuntimeException e) {
            log.error("registering application {} failed; it stays pending", applicationId, e);
            return false;
        }
    }

    private void complete(Application application, Batch batch, RegisterListingResponse response) {
        OffsetDateTime now = Times.now(clock);
        UUID listingId = UUID.fromString(response.getListing().getId());
        String certificateNumber = response.getListing().getCertificateNumber();
        registrations.complete(application.id(), listingId, certificateNumber, now);
        applications.setListing(application.id(), listingId, certificateNumber);
        annualReports.firstReportFor(application, listingId, now);
        notices.closed(applications.find(application.id()).orElseThrow(), batch, NoticeOutcome.APPROVED, now);
        log.info("application {} registered as listing {} ({}){}", application.id(), listingId, certificateNumber,
                response.getCreated() ? "" : ", which the registry had already created");
    }

    static RegisterListingRequest request(String requestId, Application a, Batch batch) {
        var s = a.subject();
        var request = RegisterListingRequest.newBuilder()
                .setRequestId(requestId)
                .setType(ListingType.valueOf(a.type().name()))
                .setLevel(Level.PROVINCIAL)
                .setEnterprise(Enterprise.newBuilder().setUscc(a.uscc()).setName(a.enterpriseName())
                        .setRegionCode(a.regionCode()).setIndustryCode(a.industryCode()))
                .setSubject(Subject.newBuilder().setSiteName(nz(s.siteName())).setParkName(nz(s.parkName()))
                        .setProductName(nz(s.productName())).setProductModel(nz(s.productModel()))
                        .setProductCategory(nz(s.productCategory())).setEvaluationStandard(nz(s.evaluationStandard())))
                .setYear(batch.year())
                .setBatch(batch.name())
                .setSource("CERTIFICATION")
                .setSourceRef(a.id().toString());
        a.indicators().forEach(i -> request.addIndicators(Indicator.newBuilder().setCode(i.code()).setName(i.name())
                .setValue(i.value().toPlainString()).setUnit(i.unit())));
        return request.build();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
