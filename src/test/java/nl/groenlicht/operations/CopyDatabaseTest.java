package nl.groenlicht.operations;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Moving the embedded H2 database into PostgreSQL: the test database (H2, filled through the portal) is copied into
 * a fresh schema of the PostgreSQL test database when .ci/postgres has set one up, and into a fresh H2 database
 * otherwise. Every table arrives whole and new rows get new ids.
 */
@MicronautTest(transactional = false)
class CopyDatabaseTest {

    @Inject
    EmbeddedServer server;
    @Value("${datasources.default.url}")
    String sourceUrl;
    @Value("${datasources.default.username:sa}")
    String sourceUser;
    @Value("${datasources.default.password:}")
    String sourcePassword;

    private record Target(String url, String user, String password) {
    }

    /** A new, empty place to copy into; in PostgreSQL a schema of its own (.ci/postgres recreates the database). */
    private static Target emptyTarget(String name) throws SQLException {
        String postgres = System.getenv("GROENLICHT_TEST_POSTGRES_URL");
        if (postgres == null) {
            return new Target("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1", "sa", "");
        }
        String user = System.getenv("GROENLICHT_TEST_POSTGRES_USER");
        String password = System.getenv("GROENLICHT_TEST_POSTGRES_PASSWORD");
        try (Connection connection = DriverManager.getConnection(postgres, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        }
        return new Target(postgres + "?currentSchema=" + name, user, password);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyTableArrivesWholeAndNewRowsGetNewIds() throws Exception {
        assumeH2Source();
        Http api = new Http(server.getURI());
        newCoach(server.getURI(), "verhuis-wachtwoord-1");
        HttpResponse<String> scan = api.post("/api/scans", "application/json",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Verhuizing BV\"}}");
        assertEquals(201, scan.statusCode());

        String name = "copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Target target = emptyTarget(name);
        CopyDatabase.migrate(target.url(), target.user(), target.password());
        try (Connection source = DriverManager.getConnection(sourceUrl, sourceUser, sourcePassword);
             Connection into = DriverManager.getConnection(target.url(), target.user(), target.password())) {
            List<String> report = CopyDatabase.copy(source, into);
            assertEquals(CopyDatabase.TABLES.size(), report.size());

            List<String> differences = new ArrayList<>();
            for (String table : CopyDatabase.TABLES) {
                long expected = count(source, "SELECT COUNT(*) FROM " + table);
                long actual = count(into, "SELECT COUNT(*) FROM " + table);
                if (expected != actual) {
                    differences.add(table + ": " + expected + " -> " + actual);
                }
            }
            assertEquals(List.of(), differences);
            assertEquals(1, count(into, "SELECT COUNT(*) FROM answer WHERE answer_value = 'Verhuizing BV'"));

            long highest = count(into, "SELECT MAX(id) FROM account");
            try (Statement statement = into.createStatement()) {
                statement.executeUpdate("INSERT INTO account (email, name, password_hash, role, enabled, created_at) "
                        + "VALUES ('nieuw@groenlicht.test', 'Nieuw', 'x', 'COACH', TRUE, CURRENT_TIMESTAMP)");
            }
            assertTrue(count(into, "SELECT MAX(id) FROM account") > highest, "ids continue after the copied ones");

            assertThrows(IllegalStateException.class, () -> CopyDatabase.copy(source, into),
                    "a target that holds data is refused");
        }
    }

    @Test
    void everyTableIsEitherCopiedOrLeftBehindOnPurpose() throws SQLException {
        try (Connection source = DriverManager.getConnection(sourceUrl, sourceUser, sourcePassword);
             ResultSet tables = source.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> unknown = new ArrayList<>();
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                boolean ours = "public".equalsIgnoreCase(schema);
                if (ours && !CopyDatabase.TABLES.contains(table) && !CopyDatabase.NOT_COPIED.contains(table)) {
                    unknown.add(table);
                }
            }
            assertEquals(List.of(), unknown, "a new table needs a place in CopyDatabase");
        }
    }

    private void assumeH2Source() {
        assumeTrue(sourceUrl.startsWith("jdbc:h2:"),
                "the copy starts from the H2 test database");
    }
}
