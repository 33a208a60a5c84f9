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
 * {@code groenlicht.retention.abandoned-self-assessment-days} days (default 90), or finished and untouched for
 * {@code groenlicht.retention.finished-self-assessment-days} days (default 365), is deleted with its answers and plan
 * (0 keeps them). Scans of an organisation go only with the organisation.
 */
@Singleton
public class AbandonedSelfAssessments {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedSelfAssessments.class);

    private final JdbcOperations jdbc;
    private final int days;
    private final int finishedDays;

    AbandonedSelfAssessments(JdbcOperations jdbc,
                             @Value("${groenlicht.retention.abandoned-self-assessment-days:90}") int days,
                             @Value("${groenlicht.retention.finished-self-assessment-days:365}") int finishedDays) {
        this.jdbc = jdbc;
        this.days = days;
        this.finishedDays = finishedDays;
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "5m")
    void purgeNow() {
        if (days > 0) {
            int purged = purgeUntouchedSince(Instant.now().minus(Duration.ofDays(days)));
            LOG.info("Retention: deleted {} abandoned self-assessments untouched for {} days", purged, days);
        }
        if (finishedDays > 0) {
            int purged = purgeAllUntouchedSince(Instant.now().minus(Duration.ofDays(finishedDays)));
            LOG.info("Retention: deleted {} anonymous self-assessments untouched for {} days", purged, finishedDays);
        }
    }

    /** Deletes the anonymous, unfinished self-assessments last changed before the cutoff; returns how many. */
    @Transactional
    public int purgeUntouchedSince(Instant cutoff) {
        return purge(" AND readiness = 'INCOMPLETE'", cutoff);
    }

    /** Deletes every anonymous self-assessment, finished or not, last changed before the cutoff; returns how many. */
    @Transactional
    public int purgeAllUntouchedSince(Instant cutoff) {
        return purge("", cutoff);
    }

    private int purge(String condition, Instant cutoff) {
        return jdbc.prepareStatement("DELETE FROM scan WHERE scan_mode = 'SELF' AND organisation_id IS NULL"
                + condition + " AND updated_at < ?", ps -> {
                    ps.setTimestamp(1, Timestamp.from(cutoff));
                    return ps.executeUpdate();
                });
    }
}
