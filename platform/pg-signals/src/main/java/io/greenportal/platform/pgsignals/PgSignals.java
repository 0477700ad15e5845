package io.greenportal.platform.pgsignals;

/**
 * Makes the signal of a channel; declare the result as a bean so it starts and stops with the
 * application: {@code @Bean PgSignal changeSignal(PgSignals signals) { return signals.on("registry_changes"); }}
 */
public class PgSignals {

    private final ListenConnections connections;

    public PgSignals(ListenConnections connections) {
        this.connections = connections;
    }

    public PgSignal on(String channel) {
        return new PgSignal(channel, connections);
    }
}
