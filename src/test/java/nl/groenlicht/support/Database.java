package nl.groenlicht.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

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

    /** Each row of the query as its columns joined by spaces. */
    @Transactional
    public List<String> rows(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i > 1 ? " " : "").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
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
