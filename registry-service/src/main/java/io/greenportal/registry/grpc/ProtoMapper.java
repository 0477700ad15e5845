package io.greenportal.registry.grpc;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Indicator;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.platform.grpc.ProtoTimes;
import io.greenportal.registry.listing.ListingRequest;
import io.greenportal.registry.listing.ListingStatus;

/** Translates between the registry's domain records and the protobuf messages of the contracts. */
public final class ProtoMapper {

    private ProtoMapper() {
    }

    public static Listing toProto(io.greenportal.registry.listing.Listing l) {
        var e = l.enterprise();
        var s = l.subject();
        Listing.Builder b = Listing.newBuilder()
                .setId(l.id().toString())
                .setType(io.greenportal.contracts.registry.v1.ListingType.valueOf(l.type().name()))
                .setLevel(io.greenportal.contracts.registry.v1.Level.valueOf(l.level().name()))
                .setEnterprise(toProto(e))
                .setSubject(Subject.newBuilder().setSiteName(nz(s.siteName())).setParkName(nz(s.parkName()))
                        .setProductName(nz(s.productName())).setProductModel(nz(s.productModel()))
                        .setProductCategory(nz(s.productCategory())).setEvaluationStandard(nz(s.evaluationStandard())))
                .setYear(l.year())
                .setBatch(nz(l.batch()))
                .setCertificateNumber(l.certificateNumber())
                .setCertificateNumberAssigned(l.certificateNumberAssigned())
                .setStatus(status(l.status()))
                .setStatusReason(nz(l.statusReason()))
                .setSource(nz(l.source()))
                .setSourceRef(nz(l.sourceRef()))
                .setGrantedOn(l.grantedOn() == null ? "" : l.grantedOn().toString())
                .setAsOf(l.asOf() == null ? "" : l.asOf().toString());
        if (l.statusChangedAt() != null) {
            b.setStatusChangedAt(ProtoTimes.timestamp(l.statusChangedAt()));
        }
        if (l.createdAt() != null) {
            b.setCreatedAt(ProtoTimes.timestamp(l.createdAt()));
        }
        l.indicators().forEach(i -> b.addIndicators(Indicator.newBuilder().setCode(i.code()).setName(i.name())
                .setValue(i.value().toPlainString()).setUnit(i.unit())));
        return b.build();
    }

    public static Enterprise toProto(io.greenportal.registry.listing.EnterpriseRef e) {
        return Enterprise.newBuilder().setUscc(e.uscc()).setName(nz(e.name())).setRegionCode(nz(e.regionCode()))
                .setRegionName(nz(e.regionName())).setCityCode(nz(e.cityCode())).setProvinceCode(nz(e.provinceCode()))
                .setIndustryCode(nz(e.industryCode())).setIndustryName(nz(e.industryName())).build();
    }

    public static Change toProto(io.greenportal.registry.changefeed.Change c) {
        Change.Builder b = Change.newBuilder()
                .setSequence(c.sequence())
                .setKind(io.greenportal.contracts.registry.v1.ChangeKind.valueOf(c.kind().name()))
                .setOccurredAt(ProtoTimes.timestamp(c.occurredAt()))
                .setActor(nz(c.actor()))
                .setListing(toProto(c.listing()));
        if (c.previousStatus() != null) {
            b.setPreviousStatus(status(c.previousStatus()));
        }
        if (c.traceparent() != null) {
            b.setTraceparent(c.traceparent());
        }
        return b.build();
    }

    /** A gRPC registration as a raw request, so it passes the same rules as REST and imports. */
    public static ListingRequest toRequest(io.greenportal.contracts.registry.v1.RegisterListingRequest r) {
        var e = r.getEnterprise();
        var s = r.getSubject();
        return new ListingRequest(
                r.getType() == io.greenportal.contracts.registry.v1.ListingType.LISTING_TYPE_UNSPECIFIED ? null : r.getType().name(),
                r.getLevel() == io.greenportal.contracts.registry.v1.Level.LEVEL_UNSPECIFIED ? null : r.getLevel().name(),
                new ListingRequest.EnterpriseInput(e.getUscc(), e.getName(), e.getRegionCode(), e.getIndustryCode()),
                new io.greenportal.registry.listing.Subject(s.getSiteName(), s.getParkName(), s.getProductName(),
                        s.getProductModel(), s.getProductCategory(), s.getEvaluationStandard()),
                r.getYear() == 0 ? null : r.getYear(), r.getBatch(), r.getCertificateNumber(),
                r.getIndicatorsList().stream().map(i -> new ListingRequest.IndicatorInput(i.getCode(), i.getName(),
                        i.getValue(), i.getUnit())).toList(),
                r.getGrantedOn(), null, null);
    }

    private static io.greenportal.contracts.registry.v1.ListingStatus status(ListingStatus status) {
        return io.greenportal.contracts.registry.v1.ListingStatus.valueOf(status.name());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
