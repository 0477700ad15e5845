package io.greenportal.certification.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.Indicator;
import io.greenportal.certification.application.ListingType;
import io.greenportal.certification.batch.Batch;
import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.certification.support.Applications;
import io.greenportal.contracts.registry.v1.Level;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the registry is asked to list when an application is approved: a provincial listing of the batch's year. */
@Tag("unit")
class ListingRegistrationTest {

    static final Batch BATCH = new Batch(Applications.BATCH, "2025年度省级绿色制造名单第一批", 2025,
            List.of(ListingType.GREEN_FACTORY), OffsetDateTime.parse("2025-03-15T08:00:00+08:00"),
            OffsetDateTime.parse("2025-04-30T17:00:00+08:00"), 5, new BigDecimal("80.00"), 3, "admin",
            OffsetDateTime.parse("2025-03-01T09:00:00+08:00"));

    @Test
    void anApprovedFactoryBecomesAProvincialListingOfItsBatch() {
        var application = Applications.factory(ApplicationState.APPROVED, 2);
        String requestId = RegistryOutbox.registrationRequestId(application.id());
        var request = ListingRegistration.request(requestId, application, BATCH);
        assertThat(request.getRequestId()).as("a retry names the same listing: never two")
                .isEqualTo("certification:" + application.id());
        assertThat(request.getLevel()).isEqualTo(Level.PROVINCIAL);
        assertThat(request.getType().name()).isEqualTo("GREEN_FACTORY");
        assertThat(request.getYear()).as("the batch's year, not the day of approval").isEqualTo(2025);
        assertThat(request.getBatch()).isEqualTo("2025年度省级绿色制造名单第一批");
        assertThat(request.getSource()).isEqualTo("CERTIFICATION");
        assertThat(request.getSourceRef()).isEqualTo(application.id().toString());
        assertThat(request.getEnterprise().getUscc()).isEqualTo("91640100MA76A00010");
        assertThat(request.getEnterprise().getRegionCode()).isEqualTo("640106");
        assertThat(request.getEnterprise().getIndustryCode()).isEqualTo("C30");
        assertThat(request.getSubject().getSiteName()).isEqualTo("金凤区新材料生产基地");
        assertThat(request.getSubject().getParkName()).as("absent is empty in protobuf").isEmpty();
        assertThat(request.getCertificateNumber()).as("the registry numbers it").isEmpty();
        assertThat(request.getIndicatorsList()).singleElement().satisfies(i -> {
            assertThat(i.getCode()).isEqualTo("ENERGY_PER_VALUE_ADDED");
            assertThat(i.getValue()).isEqualTo("0.352");
            assertThat(i.getUnit()).isEqualTo("tce/万元");
        });
    }

    @Test
    void exactDecimalsTravelAsPlainText() {
        var application = Applications.factory(ApplicationState.APPROVED, 1);
        var withExponent = new Application(application.id(), application.batchId(),
                application.uscc(), application.owner(), application.type(), application.state(), application.round(),
                application.enterpriseName(), application.regionCode(), application.cityCode(), application.industryCode(),
                application.subject(), application.selfScore(),
                List.of(new Indicator("WATER_PER_VALUE_ADDED", "单位工业增加值用水量",
                        new BigDecimal("1.2E+1"), "m³/万元")),
                application.evaluationBody(), application.evaluationReport(), null, null, null, null, null,
                application.createdAt(), application.updatedAt());
        assertThat(ListingRegistration.request("r", withExponent, BATCH).getIndicators(0).getValue()).isEqualTo("12");
    }
}
