package io.greenportal.site.api;

/**
 * The parameters of a public search, as the API takes them; a blank value means "not filtered".
 * {@code cursor} continues after the page it came with (past the 10,000-result window).
 */
public record SearchQuery(String q, String type, String level, String status, String region, String industry,
        String year, String sort, int page, int size, String cursor) {

    /** The newest listings, whatever their type. */
    public static SearchQuery newest(int size) {
        return new SearchQuery(null, null, null, null, null, null, null, "newest", 0, size, null);
    }
}
