package nl.groenlicht.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The rows of http_session. */
@Singleton
class SessionRows {

    private static final String UPSERT = """
            MERGE INTO http_session s
            USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS TIMESTAMP WITH TIME ZONE),
                           CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INTEGER), CAST(? AS VARCHAR(8000))))
                AS v (id, created_at, last_accessed_at, max_inactive_s, attributes)
            ON s.id = v.id
            WHEN MATCHED THEN UPDATE SET last_accessed_at = v.last_accessed_at, max_inactive_s = v.max_inactive_s,
                attributes = v.attributes
            WHEN NOT MATCHED THEN INSERT (id, created_at, last_accessed_at, max_inactive_s, attributes)
                VALUES (v.id, v.created_at, v.last_accessed_at, v.max_inactive_s, v.attributes)""";

    /**
     * A session's last use is written at most once a minute: every page view otherwise wrote and committed its
     * session row (with H2's WRITE_DELAY=0, a disk write per view). A minute is nothing against the inactive interval.
     */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final JdbcOperations jdbc;

    SessionRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, Instant createdAt, Instant lastAccessedAt, Duration maxInactive, String attributes) {
    }

    /**
     * The session unless it expired (then it is removed), marked as used now unless that was done within the touch
     * interval; the row returned carries the time stored.
     */
    @Transactional
    Optional<Row> findAndTouch(String id, Instant now) {
        Optional<Row> row = jdbc.prepareStatement(
                "SELECT id, created_at, last_accessed_at, max_inactive_s, attributes FROM http_session WHERE id = ?",
                ps -> {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getTimestamp(2).toInstant(),
                                rs.getTimestamp(3).toInstant(), Duration.ofSeconds(rs.getInt(4)), rs.getString(5)))
                                : Optional.<Row>empty();
                    }
                });
        if (row.isPresent() && row.get().lastAccessedAt().plus(row.get().maxInactive()).isBefore(now)) {
            delete(id);
            return Optional.empty();
        }
        if (row.isEmpty() || row.get().lastAccessedAt().isAfter(now.minus(TOUCH_INTERVAL))) {
            return row;
        }
        jdbc.prepareStatement("UPDATE http_session SET last_accessed_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, id);
            return ps.executeUpdate();
        });
        // A later save in this request writes the session's own time back: it must be the one now stored.
        Row r = row.get();
        return Optional.of(new Row(r.id(), r.createdAt(), now, r.maxInactive(), r.attributes()));
    }

    @Transactional
    void save(Row row) {
        jdbc.prepareStatement(UPSERT, ps -> {
            ps.setString(1, row.id());
            ps.setTimestamp(2, Timestamp.from(row.createdAt()));
            ps.setTimestamp(3, Timestamp.from(row.lastAccessedAt()));
            ps.setInt(4, (int) row.maxInactive().toSeconds());
            ps.setString(5, row.attributes());
            return ps.executeUpdate();
        });
    }

    @Transactional
    boolean delete(String id) {
        return jdbc.prepareStatement("DELETE FROM http_session WHERE id = ?", ps -> {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        });
    }

    /** Removes the sessions last used before the cutoff. */
    @Transactional
    void deleteUnusedSince(Instant cutoff) {
        jdbc.prepareStatement("DELETE FROM http_session WHERE last_accessed_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        });
    }
}
