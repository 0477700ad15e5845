package io.greenportal.certification.application;

/** The four kinds of designation an enterprise can apply for (the registry's listing types). */
public enum ListingType {
    GREEN_FACTORY, GREEN_PARK, GREEN_PRODUCT, GREEN_SUPPLY_CHAIN
}
