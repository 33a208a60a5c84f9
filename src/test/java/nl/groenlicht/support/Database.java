package nl.groenlicht.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/** Looks straight into the database, to prove what was and was not stored. */
@Singleton
public class Database {

    private final JdbcOperations jdbc;

    public Database(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long count(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Changes rows directly, e.g. to make a scan look old. */
    @Transactional
    public int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        });
    }

    /** "H2" or "PostgreSQL". */
    @Transactional
    public String productName() {
        return jdbc.execute(connection -> connection.getMetaData().getDatabaseProductName());
    }

    public long answers(long scanId) {
        return count("SELECT COUNT(*) FROM answer WHERE scan_id = ?", scanId);
    }
}
