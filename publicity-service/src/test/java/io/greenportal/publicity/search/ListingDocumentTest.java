package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.google.protobuf.Timestamp;

import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Indicator;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.Subject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ListingDocumentTest {

    @Test
    void aRegistrySnapshotBecomesAFlatDocumentVersionedBySequence() {
        Listing listing = Listing.newBuilder().setId("id-1").setType(ListingType.GREEN_PRODUCT).setLevel(Level.NATIONAL)
                .setEnterprise(Enterprise.newBuilder().setUscc("91640100MA76A00010").setName("宁夏绿源新材料有限公司")
                        .setRegionCode("640106").setRegionName("金凤区").setCityCode("640100").setProvinceCode("640000")
                        .setIndustryCode("C26").setIndustryName("化学原料和化学制品制造业"))
                .setSubject(Subject.newBuilder().setProductName("电池级碳酸锂").setProductModel("Li2CO3≥99.5%"))
                .setYear(2025).setCertificateNumber("GP-CN-2025-0001").setStatus(ListingStatus.REVOKED)
                .setStatusReason("申报材料弄虚作假，撤销称号").setStatusChangedAt(Timestamp.newBuilder().setSeconds(1_750_000_000))
                .setGrantedOn("2025-03-01")
                .addIndicators(Indicator.newBuilder().setCode("WATER_REUSE_RATE").setValue("92.50").setUnit("%"))
                .build();
        ListingDocument d = ListingDocument.from(listing, 77);
        assertThat(d.sequence()).isEqualTo(77);
        assertThat(d.subjectName()).isEqualTo("电池级碳酸锂 Li2CO3≥99.5%");
        assertThat(d.cityCode()).isEqualTo("640100");
        assertThat(d.status()).isEqualTo("REVOKED");
        assertThat(d.statusChangedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(d.batch()).isNull();
        assertThat(d.createdAt()).as("an unset timestamp is no time").isNull();
        assertThat(d.indicators()).containsExactly(new ListingDocument.IndicatorValue("WATER_REUSE_RATE", null, "92.50", "%"));
        ListingView view = ListingView.of(d, true, null);
        assertThat(view.statusReason()).isEqualTo("申报材料弄虚作假，撤销称号");
        assertThat(view.typeName()).isEqualTo("绿色设计产品");
        assertThat(view.statusName()).isEqualTo("已撤销");
    }

    @Test
    void withinABatchOnlyTheNewestSnapshotOfAListingIsWritten() {
        ListingDocument a1 = SyntheticDocs.of("a", 5);
        ListingDocument a2 = SyntheticDocs.of("a", 9);
        ListingDocument b = SyntheticDocs.of("b", 7);
        assertThat(ListingIndexer.newestPerListing(List.of(a1, b, a2))).containsExactly(a2, b);
        assertThat(ListingIndexer.newestPerListing(List.of(a2, a1))).containsExactly(a2);
    }

    static final class SyntheticDocs {
        static ListingDocument of(String id, long sequence) {
            return new ListingDocument(id, sequence, "GREEN_FACTORY", "PROVINCIAL", "ACTIVE", null, null, "n", null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, 2024, null, null, false, null,
                    null, null, List.of(), null);
        }
    }
}
