package io.greenportal.site.api;

import java.util.Optional;

/**
 * What the site reads and sends: the portal's public API and nothing else. The pages depend on this
 * interface only, so tests render them with canned answers.
 * Every method throws {@link ApiUnavailable} when the service cannot be asked and {@link ApiRefusal}
 * when it refuses the request (a 4xx problem).
 */
public interface PublicApi {

    /** {@code GET /api/v1/public/listings}. */
    SearchResult search(SearchQuery query);

    /** {@code GET /api/v1/public/listings/{id}}; empty when there is no such listing. */
    Optional<Listing> listing(String id);

    /** {@code GET /api/v1/public/statistics} (listings that hold the designation). */
    Statistics statistics();

    /** {@code GET /api/v1/public/targets}. */
    Targets targets();

    /** {@code GET /api/v1/public/notices}: the current ones and a page of past ones. */
    Notices notices(int page, int size);

    /** {@code GET /api/v1/public/notices/{id}}; empty when there is no such notice. */
    Optional<Notice> notice(String id);

    /** {@code GET /api/v1/public/export/dictionary}. */
    DataDictionary dictionary();

    /**
     * {@code POST /api/v1/certification/applications/{id}/objections}, on behalf of the visitor at
     * {@code visitor} (the certification service limits objections per client).
     */
    ObjectionReceipt fileObjection(String applicationId, ObjectionRequest objection, VisitorAddress visitor);
}
