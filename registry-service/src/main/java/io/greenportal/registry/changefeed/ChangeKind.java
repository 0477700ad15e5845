package io.greenportal.registry.changefeed;

public enum ChangeKind {
    LISTING_CREATED, STATUS_CHANGED, LISTING_UPDATED, LEVEL_CHANGED
}
