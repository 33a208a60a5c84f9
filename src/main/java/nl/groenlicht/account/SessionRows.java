package nl.groenlicht.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.response.ScanToken;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rows of http_session. A row is keyed by the SHA-256 of the session id, never the id itself: whoever reads the
 * table (a backup, a copy, a database account) cannot take over a logged-in staff member's session with it.
 */
@Singleton
class SessionRows {

    private static final String INSERT = """
            INSERT INTO http_session (id, created_at, last_accessed_at, max_inactive_s, attributes, account_id)
            VALUES (?, ?, ?, ?, ?, ?)""";

    /**
     * A session's last use is written at most once a minute: every page view otherwise wrote and committed its
     * session row (with H2's WRITE_DELAY=0, a disk write per view). A minute is nothing against the inactive interval.
     */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final JdbcOperations jdbc;

    SessionRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored session; {@code accountId} is the logged-in staff member's, null before login. */
    record Row(String id, Instant createdAt, Instant lastAccessedAt, Duration maxInactive, String attributes,
               Long accountId) {
    }

    /**
     * The session unless it expired, by inactivity or because it was created before {@code createdNotBefore} (then it
     * is removed), marked as used now unless that was done within the touch interval; the row returned carries the
     * time stored.
     */
    @Transactional
    Optional<Row> findAndTouch(String id, Instant now, Instant createdNotBefore) {
        Optional<Row> row = jdbc.prepareStatement(
                "SELECT id, created_at, last_accessed_at, max_inactive_s, attributes, account_id FROM http_session"
                        + " WHERE id = ?",
                ps -> {
                    ps.setString(1, key(id));
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Row(id, rs.getTimestamp(2).toInstant(),
                                rs.getTimestamp(3).toInstant(), Duration.ofSeconds(rs.getInt(4)), rs.getString(5),
                                rs.getObject(6, Long.class)))
                                : Optional.<Row>empty();
                    }
                });
        if (row.isPresent() && (row.get().lastAccessedAt().plus(row.get().maxInactive()).isBefore(now)
                || row.get().createdAt().isBefore(createdNotBefore))) {
            delete(id);
            return Optional.empty();
        }
        if (row.isEmpty() || row.get().lastAccessedAt().isAfter(now.minus(TOUCH_INTERVAL))) {
            return row;
        }
        jdbc.prepareStatement("UPDATE http_session SET last_accessed_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, key(id));
            return ps.executeUpdate();
        });
        // A later save in this request writes the session's own time back: it must be the one now stored.
        Row r = row.get();
        return Optional.of(new Row(r.id(), r.createdAt(), now, r.maxInactive(), r.attributes(), r.accountId()));
    }

    /** Stores a session that was never stored before. */
    @Transactional
    void insert(Row row) {
        jdbc.prepareStatement(INSERT, ps -> {
            ps.setString(1, key(row.id()));
            ps.setTimestamp(2, Timestamp.from(row.createdAt()));
            ps.setTimestamp(3, Timestamp.from(row.lastAccessedAt()));
            ps.setInt(4, (int) row.maxInactive().toSeconds());
            ps.setString(5, row.attributes());
            ps.setObject(6, row.accountId(), Types.BIGINT);
            return ps.executeUpdate();
        });
    }

    /**
     * Writes a stored session back, if it still exists: a request that read the session before an administrator
     * ended it must not bring it back when it saves.
     */
    @Transactional
    void update(Row row) {
        jdbc.prepareStatement("UPDATE http_session SET last_accessed_at = ?, max_inactive_s = ?, attributes = ?,"
                + " account_id = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(row.lastAccessedAt()));
            ps.setInt(2, (int) row.maxInactive().toSeconds());
            ps.setString(3, row.attributes());
            ps.setObject(4, row.accountId(), Types.BIGINT);
            ps.setString(5, key(row.id()));
            return ps.executeUpdate();
        });
    }

    @Transactional
    boolean delete(String id) {
        return jdbc.prepareStatement("DELETE FROM http_session WHERE id = ?", ps -> {
            ps.setString(1, key(id));
            return ps.executeUpdate() > 0;
        });
    }

    /** Ends every session of the account. */
    @Transactional
    void deleteOfAccount(long accountId) {
        jdbc.prepareStatement("DELETE FROM http_session WHERE account_id = ?", ps -> {
            ps.setLong(1, accountId);
            return ps.executeUpdate();
        });
    }

    /** Removes the sessions last used before {@code unusedSince} and those created before {@code createdBefore}. */
    @Transactional
    void deleteExpired(Instant unusedSince, Instant createdBefore) {
        jdbc.prepareStatement("DELETE FROM http_session WHERE last_accessed_at < ? OR created_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(unusedSince));
            ps.setTimestamp(2, Timestamp.from(createdBefore));
            return ps.executeUpdate();
        });
    }

    /** The stored key of a session id: the same SHA-256 (hex) that scan tokens are stored as. */
    static String key(String sessionId) {
        return ScanToken.hash(sessionId);
    }
}
