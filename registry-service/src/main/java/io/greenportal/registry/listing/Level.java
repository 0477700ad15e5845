package io.greenportal.registry.listing;

public enum Level {
    NATIONAL, PROVINCIAL, MUNICIPAL
}
