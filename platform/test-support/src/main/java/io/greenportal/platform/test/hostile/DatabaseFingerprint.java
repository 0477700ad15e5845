package io.greenportal.platform.test.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Every table of a service's database as one fingerprint per table, to prove that a refused
 * request wrote nothing: equal before and after, or the tables that differ are named. Tables that
 * change by themselves (Flyway's history, a feed follower's position) are left out by name.
 */
public final class DatabaseFingerprint {

    private final DataSource dataSource;
    private final Set<String> excluded;

    public DatabaseFingerprint(DataSource dataSource, Set<String> excludedTables) {
        this.dataSource = dataSource;
        this.excluded = excludedTables;
    }

    /** Table → a fingerprint of its committed row versions (order-independent). */
    public Map<String, String> now() {
        Map<String, String> hashes = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                String name = table.substring(table.indexOf('.') + 1);
                if (excluded.contains(name) || name.startsWith("flyway_")) {
                    continue;
                }
                // each row version's place and writing transaction: an insert, update or delete that
                // committed changes the count or the sum, without reading (or detoasting) the rows
                // themselves, which made a table of 100,000 screening results cost 0.3 s per request
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ':' || coalesce(sum(hashtext(ctid::text || ':' "
                        + "|| xmin::text)::bigint), 0) FROM " + table)) {
                    rs.next();
                    hashes.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database's fingerprint", e);
        }
        return hashes;
    }

    /** A fingerprint taken when two readings 150 ms apart agree (effects of earlier requests settled). */
    public Map<String, String> settled() {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(now());
        try {
            return Awaitility.await("two readings 150 ms apart agree").atMost(Duration.ofSeconds(3))
                    .pollDelay(Duration.ofMillis(150)).pollInterval(Duration.ofMillis(150))
                    .until(() -> {
                        Map<String, String> next = now();
                        return next.equals(last.getAndSet(next)) ? next : null;
                    }, Objects::nonNull);
        } catch (ConditionTimeoutException stillChanging) {
            return last.get();
        }
    }

    /** The tables whose content differs between two readings. */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, hash) -> {
            if (!hash.equals(before.get(table))) {
                changed.add(table);
            }
        });
        return changed;
    }
}
