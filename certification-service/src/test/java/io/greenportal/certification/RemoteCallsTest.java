package io.greenportal.certification;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** No call to the registry or Keycloak while this thread holds a transaction (its connection and locks). */
@Tag("unit")
class RemoteCallsTest {

    @Test
    void outsideATransactionARemoteCallMayBeMade() {
        assertThatNoException().isThrownBy(() -> RemoteCalls.requireNoTransaction("the registry"));
    }

    @Test
    void insideATransactionItIsRefusedNamingThePeer() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            assertThatThrownBy(() -> RemoteCalls.requireNoTransaction("Keycloak")).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("a call to Keycloak inside a database transaction");
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> RemoteCalls.requireNoTransaction("the registry")).isInstanceOf(IllegalStateException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }
}
