package io.greenportal.publicity.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.greenportal.platform.web.Times;
import io.greenportal.publicity.Vocabulary;

/**
 * A listing as the public sees it. Suspended and revoked listings carry their status reason and
 * the time of the status change (for a revoked one: the revocation reason and date).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingView(String id, String type, String typeName, String level, String levelName, String status,
        String statusName, String statusReason, OffsetDateTime statusChangedAt, String certificateNumber,
        boolean certificateNumberAssigned, int year,
        String batch, LocalDate grantedOn, Enterprise enterprise, String subjectName, Subject subject,
        List<ListingDocument.IndicatorValue> indicators, Map<String, String> highlight) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Enterprise(String name, String uscc, String regionCode, String regionName, String cityCode,
            String provinceCode, String industryCode, String industryName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String siteName, String parkName, String productName, String productModel,
            String productCategory, String evaluationStandard) {
    }

    public static ListingView of(ListingDocument d, boolean withIndicators, Map<String, String> highlight) {
        // the latest status change, as the export and the feed show it: any but the grant (a restored
        // listing is ACTIVE again, and the public sees that it was under rectification and why it was restored)
        boolean changed = !"ACTIVE".equals(d.status()) || d.statusReason() != null;
        Subject subject = d.siteName() == null && d.parkName() == null && d.productName() == null
                && d.evaluationStandard() == null ? null
                : new Subject(d.siteName(), d.parkName(), d.productName(), d.productModel(), d.productCategory(),
                        d.evaluationStandard());
        return new ListingView(d.id(), d.type(), Vocabulary.type(d.type()), d.level(), Vocabulary.level(d.level()),
                d.status(), Vocabulary.status(d.status()), changed ? d.statusReason() : null,
                changed ? Times.local(d.statusChangedAt()) : null, d.certificateNumber(), d.certificateNumberAssigned(),
                d.year(), d.batch(),
                d.grantedOn(),
                new Enterprise(d.enterpriseName(), d.uscc(), d.regionCode(), d.regionName(), d.cityCode(),
                        d.provinceCode(), d.industryCode(), d.industryName()),
                d.subjectName(), subject, withIndicators ? d.indicators() : null,
                highlight == null || highlight.isEmpty() ? null : highlight);
    }
}
