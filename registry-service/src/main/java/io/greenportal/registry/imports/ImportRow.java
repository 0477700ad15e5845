package io.greenportal.registry.imports;

import io.greenportal.registry.listing.ListingRequest;

/**
 * One row of an import file: its line number in the file and the listing it describes, or the
 * reason it could not even be read as a listing.
 */
record ImportRow(int line, ListingRequest request, String field, String unreadable) {

    static ImportRow of(int line, ListingRequest request) {
        return new ImportRow(line, request, null, null);
    }

    static ImportRow unreadable(int line, String field, String reason) {
        return new ImportRow(line, null, field, reason);
    }
}
