package io.greenportal.registry.listing;

import io.greenportal.contracts.registry.v1.ListingSubjects;

/**
 * What was designated; which fields apply depends on the listing type (see {@link ListingRules}).
 * The name the public knows it by is its readers' to make (publicity names listings, certification
 * its notices); the registry names none.
 */
public record Subject(String siteName, String parkName, String productName, String productModel,
        String productCategory, String evaluationStandard) implements ListingSubjects.Parts {

    public static final Subject NONE = new Subject(null, null, null, null, null, null);
}
