package io.greenportal.certification;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rule every call to another service (the registry, Keycloak) follows: never while this thread
 * holds a database transaction (and with it a pooled connection and perhaps row locks). Read from the
 * other service first, then lock and write; writes to the registry go through its outbox.
 */
public final class RemoteCalls {

    private RemoteCalls() {
    }

    /** Throws when called inside a transaction, or with a connection bound to the thread. */
    public static void requireNoTransaction(String peer) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a call to " + peer + " inside a database transaction would hold its "
                    + "connection and locks while " + peer + " answers");
        }
    }
}
