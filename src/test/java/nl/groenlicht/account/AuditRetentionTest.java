package nl.groenlicht.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit log keeps staff actions (with addresses and typed e-mail addresses) for 12 months, then forgets them. */
@MicronautTest(transactional = false)
class AuditRetentionTest {

    @Inject
    AuditRetention retention;
    @Inject
    Database database;

    private String eventAt(OffsetDateTime at) {
        String actor = "retention-" + UUID.randomUUID() + "@example.nl";
        database.update("INSERT INTO audit_event (at, actor, action, subject, remote_ip) VALUES (?, ?, 'LOGIN_FAILED',"
                + " NULL, '192.0.2.7')", Timestamp.from(at.toInstant()), actor);
        return actor;
    }

    private long events(String actor) {
        return database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ?", actor);
    }

    @Test
    void auditEventsOlderThanTwelveMonthsAreDeletedAndNewerOnesKept() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String thirteenMonthsAgo = eventAt(now.minusMonths(13));
        String justOverAYear = eventAt(now.minusMonths(12).minusDays(1));
        String elevenMonthsAgo = eventAt(now.minusMonths(11));
        String today = eventAt(now);

        retention.purgeExpired();

        assertEquals(0, events(thirteenMonthsAgo));
        assertEquals(0, events(justOverAYear));
        assertEquals(1, events(elevenMonthsAgo));
        assertEquals(1, events(today));
    }
}
