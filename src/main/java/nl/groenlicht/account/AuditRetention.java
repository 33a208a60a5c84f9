package nl.groenlicht.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Keeps the audit log no longer than needed (AVG): it holds every staff page view with the address, and every e-mail
 * address typed at a failed login, so entries older than {@code groenlicht.retention.audit-months} months (default 12;
 * 0 keeps them) are deleted. Every instance runs the job; a second run deletes nothing.
 */
@Singleton
class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final int months;

    AuditRetention(JdbcOperations jdbc, Clock clock, @Value("${groenlicht.retention.audit-months:12}") int months) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.months = months;
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "5m")
    @Transactional
    void purgeExpired() {
        if (months <= 0) {
            return;
        }
        Timestamp cutoff = Timestamp.from(clock.instant().atOffset(ZoneOffset.UTC).minusMonths(months).toInstant());
        int purged = jdbc.prepareStatement("DELETE FROM audit_event WHERE at < ?", ps -> {
            ps.setTimestamp(1, cutoff);
            return ps.executeUpdate();
        });
        LOG.info("Retention: deleted {} audit events older than {} months", purged, months);
    }
}
