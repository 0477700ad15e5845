package io.greenportal.certification.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.RemoteCalls;
import io.greenportal.certification.annual.AnnualReportService;
import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.batch.Batch;
import io.greenportal.certification.batch.BatchStore;
import io.greenportal.certification.noticefeed.Notices;
import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.contracts.certification.v1.NoticeOutcome;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Indicator;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegisterListingResponse;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.platform.web.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an approval into its registry listing: the {@code REGISTER_LISTING} entries of the registry
 * outbox, queued in the transaction that approves. The registry is asked to register with the
 * application's request id, outside any transaction; then, in one short transaction, the entry is
 * completed, the listing id and certificate number are stored on the application, the first annual
 * report is created and the notice is closed. The registry is idempotent by request id, so a crash
 * after it answered (or any retry) gets the same listing back: never zero, never two.
 */
@Component
public class ListingRegistration {

    private static final Logger log = LoggerFactory.getLogger(ListingRegistration.class);

    private final RegistryOutbox outbox;
    private final ApplicationStore applications;
    private final BatchStore batches;
    private final Notices notices;
    private final AnnualReportService annualReports;
    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ListingRegistration(RegistryOutbox outbox, ApplicationStore applications, BatchStore batches,
            Notices notices, AnnualReportService annualReports, RegistryServiceGrpc.RegistryServiceBlockingStub registry,
            TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.applications = applications;
        this.batches = batches;
        this.notices = notices;
        this.annualReports = annualReports;
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Registers a claimed entry; answers whether it completed now (false: another worker completed it). */
    public boolean deliver(RegistryOutbox.Entry entry) {
        RemoteCalls.requireNoTransaction("the registry");
        Application application = applications.find(entry.applicationId()).orElseThrow();
        Batch batch = batches.find(application.batchId()).orElseThrow();
        RegisterListingResponse response = registry.withDeadlineAfter(10, TimeUnit.SECONDS)
                .registerListing(request(entry.requestId(), application, batch));
        UUID listingId = UUID.fromString(response.getListing().getId());
        String certificateNumber = response.getListing().getCertificateNumber();
        boolean completed = Boolean.TRUE.equals(transactions.execute(status -> {
            OffsetDateTime now = Times.now(clock);
            if (!outbox.done(entry.id(), listingId, certificateNumber, now)) {
                return false;
            }
            applications.setListing(application.id(), listingId, certificateNumber);
            annualReports.firstReportFor(application, listingId, now);
            notices.closed(applications.find(application.id()).orElseThrow(), batch, NoticeOutcome.APPROVED, now);
            return true;
        }));
        if (completed) {
            log.info("application {} registered as listing {} ({}){}", application.id(), listingId, certificateNumber,
                    response.getCreated() ? "" : ", which the registry had already created");
        }
        return completed;
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
