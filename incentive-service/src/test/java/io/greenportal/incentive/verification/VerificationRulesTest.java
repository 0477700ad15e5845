package io.greenportal.incentive.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.google.protobuf.Timestamp;

import io.greenportal.contracts.registry.v1.BatchLookupResponse;
import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.incentive.grpc.RegistryClient;
import io.greenportal.incentive.support.Listings;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bank's verification of credit codes: one answer per code sent, in the order sent; invalid codes
 * are answered here, the valid ones asked of the registry once (stood in for by a fixed answer that
 * knows ent-a only).
 */
@Tag("unit")
class VerificationRulesTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T10:00:00+08:00");
    static final String ENT_A = "91640100MA76A00010";

    final List<List<String>> asked = new ArrayList<>();
    final VerificationService service = new VerificationService(new RegistryClient(null, null, Duration.ofSeconds(5)) {
        @Override
        public BatchLookupResponse batch(List<String> usccs, LocalDate asOf) {
            asked.add(usccs);
            var response = BatchLookupResponse.newBuilder()
                    .setValidAsOf(Timestamp.newBuilder().setSeconds(NOW.toEpochSecond()));
            for (String uscc : usccs) {
                var entry = EnterpriseListings.newBuilder().setUscc(uscc).setFound(uscc.equals(ENT_A));
                if (uscc.equals(ENT_A)) {
                    var factory = Listings.ningxia(ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025)
                            .setSubject(Subject.newBuilder().setSiteName("金凤区新材料生产基地"));
                    var product = Listings.ningxia(ListingType.GREEN_PRODUCT, Level.NATIONAL, 2023)
                            .setStatus(ListingStatus.SUSPENDED).setStatusReason("年度报告逾期未报送")
                            .setCertificateNumberAssigned(true) // a national list that gave no number
                            .setSubject(Subject.newBuilder().setProductName("再生铝合金锭").setProductModel("ADC12"));
                    entry.setEnterprise(factory.getEnterprise()).addListings(factory).addListings(product);
                }
                response.addResults(entry);
            }
            return response.build();
        }
    }, Clock.fixed(NOW.toInstant(), NOW.getOffset()));

    @Test
    void eachCodeSentIsAnsweredInOrderAndTheRegistryAskedOnceForTheValidOnes() {
        var batch = service.verify(List.of(" 91640100ma76a00010 ", "914403001922038216", "914403001922038217",
                "91640100MA76A00010"), null);
        assertThat(asked).containsExactly(List.of(ENT_A, "914403001922038216"));
        assertThat(batch.results()).extracting(Verification::uscc).containsExactly(ENT_A, "914403001922038216",
                "914403001922038217", ENT_A);
        assertThat(batch.count()).isEqualTo(4);
        assertThat(batch.found()).isEqualTo(2);
        assertThat(batch.notFound()).isEqualTo(1);
        assertThat(batch.invalid()).isEqualTo(1);
        assertThat(batch.validAsOf()).isEqualTo(NOW);

        var invalid = batch.results().get(2);
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.found()).isNull();
        assertThat(invalid.error()).isEqualTo("the check character does not match: this is not a valid USCC");
        var unknown = batch.results().get(1);
        assertThat(unknown.valid()).isTrue();
        assertThat(unknown.found()).isFalse();
        assertThat(unknown.listings()).isEmpty();
    }

    @Test
    void aFoundFirmComesWithEveryListingItsStatusAndCertificateNumber() {
        var entA = service.verifyOne(ENT_A.toLowerCase(), null);
        assertThat(entA.found()).isTrue();
        assertThat(entA.enterprise().name()).isEqualTo("宁夏绿源新材料有限公司");
        assertThat(entA.enterprise().regionName()).isEqualTo("金凤区");
        assertThat(entA.listings()).extracting(Verification.ListingInfo::status, Verification.ListingInfo::subject,
                Verification.ListingInfo::certificateNumber).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ACTIVE", "金凤区新材料生产基地", "GF-640000-2025-0007"),
                        org.assertj.core.groups.Tuple.tuple("SUSPENDED", "再生铝合金锭 ADC12", "GF-640000-2023-0007"));
        assertThat(entA.listings().get(1).statusReason()).isEqualTo("年度报告逾期未报送");
        assertThat(entA.listings().get(0).statusReason()).isNull();
        assertThat(entA.listings()).extracting(Verification.ListingInfo::certificateNumberAssigned)
                .as("the bank is told which number is only the registry's").containsExactly(false, true);
    }

    @Test
    void aBatchHoldsOneToAThousandCodes() {
        assertThat(service.verify(Collections.nCopies(1000, ENT_A), null).count()).isEqualTo(1000);
        assertThat(asked.getLast()).as("asked once per distinct code").containsExactly(ENT_A);
        assertThat(Refusal.of(() -> service.verify(Collections.nCopies(1001, ENT_A), null)).detail())
                .isEqualTo("at most 1000 credit codes per batch, not 1001");
        assertThat(Refusal.of(() -> service.verify(List.of(), null)).fields()).containsExactly("usccs");
        assertThat(Refusal.of(() -> service.verify(null, null)).fields()).containsExactly("usccs");
    }

    @Test
    void nothingIsAskedWhenNoCodeIsValid() {
        var batch = service.verify(java.util.Arrays.asList("", null, "123"), null);
        assertThat(asked).isEmpty();
        assertThat(batch.invalid()).isEqualTo(3);
        assertThat(batch.results()).extracting(Verification::uscc).containsExactly("", null, "123");
    }

    @Test
    void asOfIsADayOfThePastFrom2000On() {
        assertThat(service.verify(List.of(ENT_A), LocalDate.of(2026, 6, 1)).asOf()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(Refusal.of(() -> service.verify(List.of(ENT_A), LocalDate.of(2026, 6, 2))).detail())
                .isEqualTo("cannot be in the future");
        assertThat(Refusal.of(() -> service.verify(List.of(ENT_A), LocalDate.of(1999, 12, 31))).detail())
                .isEqualTo("must be a date from 2000 on");
        var single = Refusal.of(() -> service.verifyOne("91640100MA76A0001", null));
        assertThat(single.fields()).containsExactly("uscc");
        assertThat(single.detail()).isEqualTo("a USCC has 18 characters, not 17");
    }
}
