package io.greenportal.registry.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Indicator;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.registry.listing.EnterpriseRef;
import io.greenportal.registry.listing.Listing;
import io.greenportal.registry.listing.ListingStatus;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The registry's records as the gRPC contract carries them, and back: a registration over gRPC is
 * the same raw request as over REST (protobuf's empty and zero values become "absent", so the
 * listing rules name what is missing), and exact decimals travel as plain text.
 */
@Tag("unit")
class ProtoMapperTest {

    @Test
    void protobufDefaultsBecomeAbsentValuesForTheRules() {
        var request = ProtoMapper.toRequest(RegisterListingRequest.newBuilder()
                .setEnterprise(Enterprise.newBuilder().setUscc("91640100MA76A00010")).build());
        assertThat(request.type()).isNull();
        assertThat(request.level()).isNull();
        assertThat(request.year()).as("0 is no year").isNull();
        assertThat(request.status()).as("a registration is never created revoked over gRPC").isNull();
        assertThat(request.enterprise().uscc()).isEqualTo("91640100MA76A00010");
        assertThat(request.indicators()).isEmpty();
    }

    @Test
    void anApprovedApplicationIsTheRequestItWasSentAs() {
        var request = ProtoMapper.toRequest(RegisterListingRequest.newBuilder().setRequestId("certification:a9911ca7")
                .setType(ListingType.GREEN_FACTORY).setLevel(Level.PROVINCIAL).setYear(2025).setBatch("2025年度第一批")
                .setEnterprise(Enterprise.newBuilder().setUscc("91640100MA76A00010").setName("宁夏绿源新材料有限公司")
                        .setRegionCode("640106").setIndustryCode("C30"))
                .setSubject(Subject.newBuilder().setSiteName("金凤区新材料生产基地"))
                .addIndicators(Indicator.newBuilder().setCode("ENERGY_PER_VALUE_ADDED").setValue("0.352").setUnit("tce/万元"))
                .build());
        assertThat(request.type()).isEqualTo("GREEN_FACTORY");
        assertThat(request.level()).isEqualTo("PROVINCIAL");
        assertThat(request.year()).isEqualTo(2025);
        assertThat(request.subject().siteName()).isEqualTo("金凤区新材料生产基地");
        assertThat(request.subject().parkName()).as("checked and trimmed to absent by the rules").isEmpty();
        assertThat(request.indicators()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("ENERGY_PER_VALUE_ADDED");
            assertThat(i.value()).isEqualTo("0.352");
        });
    }

    @Test
    void aListingTravelsWithItsStatusTimesAndPlainDecimals() {
        var listing = new Listing(UUID.fromString("5f1d0000-0000-4000-8000-000000000214"),
                io.greenportal.registry.listing.ListingType.GREEN_FACTORY, io.greenportal.registry.listing.Level.NATIONAL,
                new EnterpriseRef("914403001922038216", "大同冀东水泥有限责任公司", "140214", "云冈区", "140200", "140000",
                        "C30", "非金属矿物制品业"),
                io.greenportal.registry.listing.Subject.NONE, 2020, null, "GF-CN-2020-0002", true,
                List.of(new io.greenportal.registry.listing.Indicator("WATER_PER_VALUE_ADDED", "单位工业增加值用水量",
                        new BigDecimal("1.2E+1"), "m³/万元")),
                ListingStatus.SUSPENDED, "年度报告逾期未报送", OffsetDateTime.parse("2025-04-01T09:00:00+08:00"), "rev-prov",
                LocalDate.of(2020, 12, 31), null, "IMPORT", null, null);
        var proto = ProtoMapper.toProto(listing);
        assertThat(proto.getStatus().name()).isEqualTo("SUSPENDED");
        assertThat(proto.getStatusReason()).isEqualTo("年度报告逾期未报送");
        assertThat(proto.getStatusChangedAt().getSeconds())
                .isEqualTo(OffsetDateTime.parse("2025-04-01T01:00:00Z").toEpochSecond());
        assertThat(proto.hasCreatedAt()).as("absent, not 1970").isFalse();
        assertThat(proto.getBatch()).isEmpty();
        assertThat(proto.getCertificateNumberAssigned()).as("the list gave no number").isTrue();
        assertThat(proto.getGrantedOn()).isEqualTo("2020-12-31");
        assertThat(proto.getAsOf()).isEmpty();
        assertThat(proto.getIndicators(0).getValue()).isEqualTo("12");
        assertThat(proto.getEnterprise().getCityCode()).isEqualTo("140200");
    }
}
