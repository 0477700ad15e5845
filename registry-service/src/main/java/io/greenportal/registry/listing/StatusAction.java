package io.greenportal.registry.listing;

/** What an administrator or reviewer does to a listing's status, and where each action may start. */
public enum StatusAction {
    SUSPEND(ListingStatus.SUSPENDED),
    REVOKE(ListingStatus.REVOKED),
    RESTORE(ListingStatus.ACTIVE);

    private final ListingStatus target;

    StatusAction(ListingStatus target) {
        this.target = target;
    }

    public ListingStatus target() {
        return target;
    }

    public boolean allowedFrom(ListingStatus current) {
        return switch (this) {
            case SUSPEND -> current == ListingStatus.ACTIVE;
            case REVOKE -> current != ListingStatus.REVOKED;
            case RESTORE -> current == ListingStatus.SUSPENDED;
        };
    }
}
