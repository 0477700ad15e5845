package io.greenportal.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Failures that are not the service's bug, recognised by their cause: no database connection free
 * within the pool's timeout (HikariCP's {@link SQLTransientConnectionException}: 503 with
 * Retry-After, REST and gRPC alike), and a value the database refuses as data (SQLSTATE class 22:
 * too long, out of range, not valid text) that a rule should have refused first (400, never 500),
 * and a unique key another request stored first (SQLSTATE 23505: two requests raced past a rule's
 * check; 409, never 500).
 */
public final class Failures {

    /** What a 503 for a busy database asks the client to wait, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "2";

    /** What a 409 for a {@link #raced} request says. */
    public static final String RACED = "Another request stored the same thing a moment ago; nothing was changed. "
            + "Read the current state and retry if still needed.";

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

    public static boolean raced(Throwable e) {
        return "23505".equals(sqlState(e));
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
