package io.greenportal.registry.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each status action may start: suspension of an active listing, restoration of a suspended one, revocation final. */
@Tag("unit")
class StatusActionTest {

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @CsvSource({
            "SUSPEND, ACTIVE,    true",
            "SUSPEND, SUSPENDED, false",
            "SUSPEND, REVOKED,   false",
            "REVOKE,  ACTIVE,    true",
            "REVOKE,  SUSPENDED, true",
            "REVOKE,  REVOKED,   false",
            "RESTORE, ACTIVE,    false",
            "RESTORE, SUSPENDED, true",
            "RESTORE, REVOKED,   false"})
    void eachActionStartsOnlyWhereItMeansSomething(StatusAction action, ListingStatus from, boolean allowed) {
        assertThat(action.allowedFrom(from)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"SUSPEND, SUSPENDED", "REVOKE, REVOKED", "RESTORE, ACTIVE"})
    void eachActionLeadsToItsStatus(StatusAction action, ListingStatus target) {
        assertThat(action.target()).isEqualTo(target);
        assertThat(action.allowedFrom(target)).as("an action never starts from where it leads").isFalse();
    }
}
