package io.greenportal.platform.pgsignals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

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
    private final String applicationName;

    /** {@code applicationName} shows in pg_stat_activity, so an operator can tell these connections apart. */
    public ListenConnections(String url, String username, String password, String applicationName) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.applicationName = applicationName;
    }

    public String url() {
        return url;
    }

    Connection open() throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }
}
