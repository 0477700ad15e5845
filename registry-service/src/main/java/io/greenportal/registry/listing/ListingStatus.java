package io.greenportal.registry.listing;

/** ACTIVE, SUSPENDED (限期整改: must rectify) or REVOKED (撤销: final). */
public enum ListingStatus {
    ACTIVE, SUSPENDED, REVOKED
}
