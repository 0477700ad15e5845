package io.greenportal.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Failures that are not the service's bug, recognised by their cause: no database connection free
 * within the pool's timeout (HikariCP's {@link SQLTransientConnectionException}: 503 with
 * Retry-After, REST and gRPC alike), and a value the database refuses as data (SQLSTATE class 22:
 * too long, out of range, not valid text) that a rule should have refused first (400, never 500).
 */
public final class Failures {

    /** What a 503 for a busy database asks the client to wait, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "2";

    private Failures() {
    }

    public static boolean databaseBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    public static boolean refusedData(Throwable e) {
        String state = sqlState(e);
        return state != null && state.startsWith("22");
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
