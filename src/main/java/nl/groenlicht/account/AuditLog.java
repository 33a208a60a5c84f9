package nl.groenlicht.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;

/** Records who did what: logins (also failed ones), account changes, views and exports. */
@Singleton
public class AuditLog {

    private final JdbcOperations jdbc;

    AuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(String actor, String action, String subject, String remoteIp) {
        jdbc.prepareStatement("INSERT INTO audit_event (at, actor, action, subject, remote_ip) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(Instant.now()));
                    ps.setString(2, clip(actor, 254));
                    ps.setString(3, action);
                    ps.setString(4, clip(subject, 254));
                    ps.setString(5, clip(remoteIp, 64));
                    return ps.executeUpdate();
                });
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
