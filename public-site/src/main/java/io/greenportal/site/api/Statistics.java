package io.greenportal.site.api;

import java.time.OffsetDateTime;
import java.util.List;

/** Counts of the listings that hold the designation, per dimension and per type × year × level × city. */
public record Statistics(OffsetDateTime asOf, long total, List<SearchResult.Facet> byType,
        List<SearchResult.Facet> byYear, List<SearchResult.Facet> byLevel, List<SearchResult.Facet> byRegion,
        List<SearchResult.Facet> byProvince, List<Row> rows) {

    public Statistics {
        byType = byType == null ? List.of() : byType;
        byYear = byYear == null ? List.of() : byYear;
        byLevel = byLevel == null ? List.of() : byLevel;
        byRegion = byRegion == null ? List.of() : byRegion;
        byProvince = byProvince == null ? List.of() : byProvince;
        rows = rows == null ? List.of() : rows;
    }

    /** The listings of more than one province are counted: the headline says how many are whose. */
    public boolean severalProvinces() {
        return byProvince.size() > 1;
    }

    public record Row(String type, String typeName, int year, String level, String levelName, String cityCode,
            String cityName, long count) {
    }
}
