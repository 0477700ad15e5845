package io.greenportal.site.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A public listing as the search and detail endpoints answer it. */
public record Listing(String id, String type, String typeName, String level, String levelName, String status,
        String statusName, String statusReason, OffsetDateTime statusChangedAt, String certificateNumber,
        boolean certificateNumberAssigned, Integer year,
        String batch, LocalDate grantedOn, Enterprise enterprise, String subjectName, Map<String, String> subject,
        List<Indicator> indicators, Map<String, String> highlight) {

    public Listing {
        subject = subject == null ? Map.of() : subject;
        indicators = indicators == null ? List.of() : indicators;
        highlight = highlight == null ? Map.of() : highlight;
        enterprise = enterprise == null ? new Enterprise(null, null, null, null, null, null, null, null) : enterprise;
    }

    /** What the listing is called: its subject, or the enterprise where the subject has no name of its own. */
    public String title() {
        return hasSubjectName() ? subjectName : enterprise.name();
    }

    /** The highlight of {@link #title()}, if the search marked it. */
    public String titleHighlight() {
        return hasSubjectName() ? highlight.get("subjectName") : highlight.get("enterpriseName");
    }

    /**
     * What the number is: a certificate number, or, where the list gave none, the number the registry
     * assigned (平台编号), which no issuer's certificate bears.
     */
    public String numberLabel() {
        return certificateNumberAssigned ? "平台编号" : "证书编号";
    }

    public boolean hasSubjectName() {
        return subjectName != null && !subjectName.isBlank();
    }

    public record Enterprise(String name, String uscc, String regionCode, String regionName, String cityCode,
            String provinceCode, String industryCode, String industryName) {
    }

    public record Indicator(String code, String name, String value, String unit) {
    }
}
