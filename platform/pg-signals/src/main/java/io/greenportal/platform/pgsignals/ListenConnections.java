package io.greenportal.platform.pgsignals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens the connections that LISTEN, outside the pool and straight to PostgreSQL:
 * {@code greenportal.pg-signals.url} (defaults to the datasource URL). Behind PgBouncer in
 * transaction mode a LISTEN on a pooled connection receives nothing (the server connection goes
 * back to the pool after each transaction), so a deployment behind PgBouncer points this at the
 * primary itself.
 */
public class ListenConnections {

    private final String url;
    private final String username;
    private final String password;

    public ListenConnections(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public String url() {
        return url;
    }

    Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url, username, password);
        connection.setAutoCommit(true);
        return connection;
    }
}
