package nl.groenlicht.response;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps no more than needed (AVG): an anonymous self-assessment left unfinished and untouched for
 * {@code groenlicht.retention.abandoned-self-assessment-days} days (default 90; 0 keeps them) is deleted with its
 * answers and plan. Scans of an organisation go only with the organisation.
 */
@Singleton
public class AbandonedSelfAssessments {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedSelfAssessments.class);

    private final JdbcOperations jdbc;
    private final int days;

    AbandonedSelfAssessments(JdbcOperations jdbc,
                             @Value("${groenlicht.retention.abandoned-self-assessment-days:90}") int days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "5m")
    void purgeNow() {
        if (days > 0) {
            int purged = purgeUntouchedSince(Instant.now().minus(Duration.ofDays(days)));
            LOG.info("Retention: deleted {} abandoned self-assessments untouched for {} days", purged, days);
        }
    }

    /** Deletes the anonymous, unfinished self-assessments last changed before the cutoff; returns how many. */
    @Transactional
    public int purgeUntouchedSince(Instant cutoff) {
        return jdbc.prepareStatement("DELETE FROM scan WHERE scan_mode = 'SELF' AND organisation_id IS NULL"
                + " AND readiness = 'INCOMPLETE' AND updated_at < ?", ps -> {
                    ps.setTimestamp(1, Timestamp.from(cutoff));
                    return ps.executeUpdate();
                });
    }
}
