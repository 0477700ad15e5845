package io.greenportal.certification.application;

import io.greenportal.contracts.registry.v1.ListingSubjects;

/** What the designation is for; which fields apply depends on the listing type (see ApplicationRules). */
public record Subject(String siteName, String parkName, String productName, String productModel,
        String productCategory, String evaluationStandard) implements ListingSubjects.Parts {

    public static final Subject NONE = new Subject(null, null, null, null, null, null);

    /** The name the public knows the subject by. */
    public String displayName(String enterpriseName) {
        if (productName != null) {
            return productModel == null ? productName : productName + " " + productModel;
        }
        if (parkName != null) {
            return parkName;
        }
        return siteName != null ? siteName : enterpriseName;
    }
}
