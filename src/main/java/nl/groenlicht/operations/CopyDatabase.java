package nl.groenlicht.operations;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Moves a Groenlicht database to another one, e.g. the embedded H2 database of one office into PostgreSQL:
 * the target gets the same migrations, then every table's rows in the order of their foreign keys, and its id
 * counters continue after the copied ids. Refuses a target that already holds data or a source on another schema
 * version. Sessions and login failures are not copied: staff simply log in again.
 *
 * <pre>
 * java -cp groenlicht-0.1.0.jar nl.groenlicht.operations.CopyDatabase \
 *     SOURCE_URL SOURCE_USER SOURCE_PASSWORD TARGET_URL TARGET_USER TARGET_PASSWORD
 * </pre>
 */
public final class CopyDatabase {

    /** Every table with data worth keeping, parents before children. */
    static final List<String> TABLES = List.of("questionnaire_version", "account", "organisation", "site", "scan",
            "answer", "plan_line", "section_score", "audit_event", "pulse", "pulse_response", "pulse_answer",
            "pulse_device");
    /** Tables that are deliberately left behind: sessions, and counts that only matter for minutes or hours. */
    static final List<String> NOT_COPIED = List.of("http_session", "login_throttle", "scan_start_count",
            "flyway_schema_history");
    private static final List<String> WITH_IDENTITY = List.of("account", "organisation", "site", "scan", "audit_event");

    private CopyDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 6) {
            System.err.println("usage: CopyDatabase SOURCE_URL SOURCE_USER SOURCE_PASSWORD TARGET_URL TARGET_USER "
                    + "TARGET_PASSWORD");
            System.exit(2);
        }
        migrate(args[3], args[4], args[5]);
        try (Connection source = DriverManager.getConnection(args[0], args[1], args[2]);
             Connection target = DriverManager.getConnection(args[3], args[4], args[5])) {
            List<String> report = copy(source, target);
            report.forEach(System.out::println);
        }
    }

    /** Gives the target the same tables as the source (Flyway, as at the portal's start). */
    public static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
    }

    /** Copies all rows in one transaction on the target; returns a line per table with its row count. */
    public static List<String> copy(Connection source, Connection target) throws SQLException {
        String sourceVersion = schemaVersion(source);
        String targetVersion = schemaVersion(target);
        if (!sourceVersion.equals(targetVersion)) {
            throw new IllegalStateException("the source is at schema version " + sourceVersion + ", the target at "
                    + targetVersion + ": start the portal once on the source to bring it up to date");
        }
        for (String table : TABLES) {
            if (count(target, table) > 0) {
                throw new IllegalStateException("the target already holds rows in " + table + ": copy into an empty "
                        + "database only");
            }
        }
        List<String> report = new ArrayList<>();
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            for (String table : TABLES) {
                report.add(table + ": " + copyTable(source, target, table) + " rows");
            }
            for (String table : WITH_IDENTITY) {
                continueIdsAfterCopied(target, table);
            }
            target.commit();
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
        return report;
    }

    private static int copyTable(Connection source, Connection target, String table) throws SQLException {
        try (Statement select = source.createStatement(); ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            int copied = 0;
            try (PreparedStatement into = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        into.setObject(i, rows.getObject(i));
                    }
                    into.addBatch();
                    if (++copied % 500 == 0) {
                        into.executeBatch();
                    }
                }
                into.executeBatch();
            }
            return copied;
        }
    }

    private static void continueIdsAfterCopied(Connection target, String table) throws SQLException {
        long next = maxId(target, table) + 1;
        String product = target.getMetaData().getDatabaseProductName();
        String sql = "PostgreSQL".equals(product)
                ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
                : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next;
        try (Statement statement = target.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long maxId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                     + " ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }
}
