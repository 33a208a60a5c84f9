package nl.groenlicht.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long a staff session lasts (issue 16, H-1): never longer than the absolute lifetime (12 hours by default),
 * however busy, and never again once its account's sessions were ended. The sessions' clock is this test's, so
 * hours pass without waiting.
 */
@MicronautTest(transactional = false)
class StaffSessionLifetimeTest {

    private static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);
    private static final Duration CLICK_INTERVAL = Duration.ofMinutes(20);

    private final TestClock clock = new TestClock(Instant.now());

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    @Inject
    DatabaseSessionStore store;
    @Inject
    AccountService accounts;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** The test classes share one database: sessions from this test's future would be the newest for the others. */
    @AfterEach
    void removeSessionsFromTheFuture() {
        database.update("DELETE FROM http_session WHERE created_at > ?", Timestamp.from(Instant.now()));
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeEvenWhenActive() {
        Instant login = clock.instant();
        Http browser = new Http(server.getURI());
        assertEquals(303, browser.login(ADMIN, ADMIN_PASSWORD).statusCode());

        // A page every 20 minutes, well within the 30-minute inactive interval, for just under 12 hours.
        while (clock.instant().plus(CLICK_INTERVAL).isBefore(login.plus(ABSOLUTE_LIFETIME))) {
            clock.set(clock.instant().plus(CLICK_INTERVAL));
            assertEquals(200, browser.get("/coach").statusCode(), "still logged in at " + Duration.between(login, clock.instant()));
        }
        clock.set(login.plus(ABSOLUTE_LIFETIME).plusSeconds(1));

        HttpResponse<String> late = browser.get("/coach");
        assertEquals(303, late.statusCode(), "12 hours after login the session is over, however busy");
        assertEquals("/login", Http.location(late).replaceAll("^https?://[^/]+", ""));
        assertEquals(303, browser.login(ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(200, browser.get("/coach").statusCode(), "logging in again starts a new lifetime");
    }

    @Test
    void aRequestThatReadTheSessionBeforeItEndedCannotBringItBack() {
        Account coach = accounts.create("coach-" + UUID.randomUUID() + "@groenlicht.test", "Coach Test",
                "coach-wachtwoord-123", Role.COACH);
        DatabaseSession session = store.newSession();
        session.put(SecurityFilter.AUTHENTICATION.toString(), Authentication.build(coach.email(), List.of("COACH"),
                Map.of("accountId", coach.id())));
        store.save(session).join();
        DatabaseSession inFlight = store.findSession(session.getId()).join().orElseThrow();

        accounts.setEnabled(coach.id(), false);
        // The request that read the session before the administrator's change now saves it, as a CSRF seed would.
        inFlight.put("note", "written after the end");
        store.save(inFlight).join();

        assertTrue(store.findSession(session.getId()).join().isEmpty(), "the ended session stays ended");
        assertEquals(0, database.count("SELECT COUNT(*) FROM http_session WHERE id = ?", session.getId()));
    }
}
