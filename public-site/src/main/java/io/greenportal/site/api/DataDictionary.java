package io.greenportal.site.api;

import java.util.List;

/** The columns of the open-data export. */
public record DataDictionary(List<Column> columns) {

    public DataDictionary {
        columns = columns == null ? List.of() : columns;
    }

    public record Column(String name, String type, String description, String descriptionZh) {

        /** What the column holds, in Chinese when the API says it (the page is Chinese). */
        public String meaning() {
            return descriptionZh == null || descriptionZh.isBlank() ? description : descriptionZh;
        }
    }
}
