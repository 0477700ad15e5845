package io.greenportal.publicity.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.platform.grpc.ProtoTimes;

/**
 * A listing as the public index holds it: the registry's snapshot after the change with sequence
 * {@code sequence}, flattened for filtering and search. {@code sequence} is also the document's
 * external version, so a replayed or late change can never overwrite a newer one. {@code nameOrder}
 * is the enterprise name's {@link NameOrder} key, for sorting only. {@code certificateNumberAssigned}:
 * the list gave no number and the registry assigned this one (平台编号), nobody's certificate number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListingDocument(String id, long sequence, String type, String level, String status,
        String statusReason, OffsetDateTime statusChangedAt, String enterpriseName, String uscc, String regionCode,
        String regionName, String cityCode, String provinceCode, String industryCode, String industryName,
        String subjectName, String siteName, String parkName, String productName, String productModel,
        String productCategory, String evaluationStandard, int year, String batch, String certificateNumber,
        boolean certificateNumberAssigned, LocalDate grantedOn, OffsetDateTime createdAt, String source, List<IndicatorValue> indicators,
        String nameOrder) {

    /** An indicator as published: the value is an exact decimal kept as text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorValue(String code, String name, String value, String unit) {
    }

    public static ListingDocument from(Listing listing, long sequence) {
        var e = listing.getEnterprise();
        var s = listing.getSubject();
        return new ListingDocument(listing.getId(), sequence, listing.getType().name(), listing.getLevel().name(),
                listing.getStatus().name(), blankToNull(listing.getStatusReason()),
                ProtoTimes.local(listing.getStatusChangedAt()), blankToNull(e.getName()), blankToNull(e.getUscc()),
                blankToNull(e.getRegionCode()), blankToNull(e.getRegionName()), blankToNull(e.getCityCode()),
                blankToNull(e.getProvinceCode()), blankToNull(e.getIndustryCode()), blankToNull(e.getIndustryName()),
                subjectName(s), blankToNull(s.getSiteName()), blankToNull(s.getParkName()),
                blankToNull(s.getProductName()), blankToNull(s.getProductModel()),
                blankToNull(s.getProductCategory()), blankToNull(s.getEvaluationStandard()), listing.getYear(),
                blankToNull(listing.getBatch()), blankToNull(listing.getCertificateNumber()),
                listing.getCertificateNumberAssigned(),
                listing.getGrantedOn().isBlank() ? null : LocalDate.parse(listing.getGrantedOn()),
                ProtoTimes.local(listing.getCreatedAt()), blankToNull(listing.getSource()),
                listing.getIndicatorsList().stream()
                        .map(i -> new IndicatorValue(i.getCode(), blankToNull(i.getName()), i.getValue(),
                                blankToNull(i.getUnit())))
                        .toList(),
                NameOrder.key(e.getName()));
    }

    /** The name the public knows the subject by: the product with its model, the park or the site. */
    public static String subjectName(io.greenportal.contracts.registry.v1.Subject s) {
        if (!s.getProductName().isBlank()) {
            return s.getProductModel().isBlank() ? s.getProductName() : s.getProductName() + " " + s.getProductModel();
        }
        if (!s.getParkName().isBlank()) {
            return s.getParkName();
        }
        return blankToNull(s.getSiteName());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
