package io.greenportal.certification.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.StatusAction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When the registry refuses a status change because the listing is already where the decision wanted
 * it (an earlier attempt whose answer was lost), the change counts as done: which status each action wants.
 */
@Tag("unit")
class ListingStatusChangesTest {

    @Test
    void eachActionWantsItsStatus() {
        assertThat(ListingStatusChanges.wanted(StatusAction.SUSPEND)).isEqualTo(ListingStatus.SUSPENDED);
        assertThat(ListingStatusChanges.wanted(StatusAction.REVOKE)).isEqualTo(ListingStatus.REVOKED);
        assertThat(ListingStatusChanges.wanted(StatusAction.RESTORE)).isEqualTo(ListingStatus.ACTIVE);
        assertThatThrownBy(() -> ListingStatusChanges.wanted(StatusAction.STATUS_ACTION_UNSPECIFIED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
