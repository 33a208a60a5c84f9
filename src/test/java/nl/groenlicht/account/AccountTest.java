package nl.groenlicht.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff accounts: the first administrator, login and logout, coach management, and who may do what. */
@MicronautTest(transactional = false)
class AccountTest {

    /** From application-test.yml, as GROENLICHT_ADMIN_EMAIL and GROENLICHT_ADMIN_PASSWORD would give them. */
    private static final String COACH_PASSWORD = "coach-wachtwoord-123";

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    private Http browser;

    @BeforeEach
    void browser() {
        browser = new Http(server.getURI());
    }


    @Test
    void firstAdministratorComesFromTheEnvironmentAndLogsIn() {
        HttpResponse<String> login = browser.login(ADMIN, ADMIN_PASSWORD);
        assertEquals(303, login.statusCode(), login.body());
        assertEquals("/coach", Http.location(login));
        String home = browser.get("/coach").body();
        assertTrue(home.contains("href=\"/admin/coaches\""), "an administrator sees the account pages");
        assertEquals(200, browser.get("/admin/coaches").statusCode());
    }

    @Test
    void loginGivesANewSessionIdEveryTimeAndCookiesAreHttpOnlyAndLax() {
        HttpResponse<String> first = browser.login(ADMIN, ADMIN_PASSWORD);
        String before = browser.cookie("SESSION");
        assertNotNull(before);
        String setCookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertFalse(first.headers().firstValue("Authorization-Info").isPresent(), "no session id in a header");

        // Logging in again while holding a session (as a fixed, planted one would be) must not keep it.
        String csrf = Http.csrfOf(browser.get("/coach").body());
        HttpResponse<String> again = browser.postForm("/login", Map.of("_csrf", List.of(csrf),
                "email", List.of(ADMIN), "password", List.of(ADMIN_PASSWORD)));
        assertEquals(303, again.statusCode());
        String after = browser.cookie("SESSION");
        assertNotEquals(before, after, "the session id changes at login");
    }

    @Test
    void logoutEndsTheSession() {
        browser.login(ADMIN, ADMIN_PASSWORD);
        String session = browser.cookie("SESSION");
        String csrf = Http.csrfOf(browser.get("/coach").body());
        HttpResponse<String> out = browser.postForm("/logout", Map.of("_csrf", List.of(csrf)));
        assertEquals(303, out.statusCode());
        Http stolen = new Http(server.getURI());
        HttpResponse<String> reuse = stolen.get("/coach", "Cookie", "SESSION=" + session);
        assertEquals(303, reuse.statusCode(), "the old session id opens nothing");
        assertEquals("/login", Http.location(reuse).replaceAll("^https?://[^/]+", ""));
    }

    /**
     * A staff member who keeps working stays logged in: the session's last use slides along, written at most once a
     * minute so that page views do not each write to the database.
     */
    @Test
    void aSessionInUseStaysAliveWithAtMostOneWriteAMinute() {
        browser.login(ADMIN, ADMIN_PASSWORD);
        String newest = " WHERE created_at = (SELECT MAX(created_at) FROM http_session)";
        Timestamp recently = Timestamp.from(Instant.now().minusSeconds(30));
        assertEquals(1, database.update("UPDATE http_session SET last_accessed_at = ?" + newest, recently));
        assertEquals(200, browser.get("/coach").statusCode());
        assertEquals(1, database.count("SELECT COUNT(*) FROM http_session" + newest + " AND last_accessed_at < ?",
                Timestamp.from(Instant.now().minusSeconds(20))), "used 30 s ago: not written again");

        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(25)));
        database.update("UPDATE http_session SET last_accessed_at = ?" + newest, longAgo);
        assertEquals(200, browser.get("/coach").statusCode(), "25 minutes idle is within the inactive interval");
        assertEquals(1, database.count("SELECT COUNT(*) FROM http_session" + newest + " AND last_accessed_at > ?",
                Timestamp.from(Instant.now().minusSeconds(10))), "the last use moved to now");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessageAndAudited() {
        String coach = newCoach(server.getURI(), COACH_PASSWORD);
        long failedBefore = database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor = ?", coach);
        long loginsBefore = database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN' AND actor = ?", coach);
        HttpResponse<String> wrong = browser.login(coach, "not-the-password");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("Het e-mailadres of het wachtwoord klopt niet."));
        assertTrue(wrong.body().contains("value=\"" + coach + "\""), "the e-mail address stays filled in");
        assertFalse(wrong.body().contains("not-the-password"), "the password is never sent back");
        assertEquals(failedBefore + 1, database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor = ?", coach));
        assertEquals(303, browser.login(coach, COACH_PASSWORD).statusCode());
        assertEquals(loginsBefore + 1, database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN' AND actor = ?", coach));
    }

    @Test
    void repeatedFailuresMakeThatAddressWaitForThatAccount() {
        String coach = newCoach(server.getURI(), COACH_PASSWORD);
        for (int i = 0; i < LoginThrottle.FAILURES_PER_PAIR; i++) {
            assertEquals(400, browser.login(coach, "wrong-password-" + i).statusCode());
        }
        HttpResponse<String> locked = browser.login(coach, COACH_PASSWORD);
        assertEquals(429, locked.statusCode(), "even the right password waits");
        assertTrue(locked.body().contains("Te veel mislukte pogingen"));
        HttpResponse<String> api = new Http(server.getURI()).post("/api/admin/coaches", "application/json", "{}",
                "Authorization", Http.basic(coach, COACH_PASSWORD));
        assertEquals(429, api.statusCode(), "HTTP Basic is throttled the same way");
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() {
        browser.get("/login");
        HttpResponse<String> response = browser.postForm("/login",
                Map.of("email", List.of(ADMIN), "password", List.of(ADMIN_PASSWORD)));
        assertEquals(403, response.statusCode());
        assertEquals(null, browser.cookie("SESSION"));
    }

    @Test
    void adminApiNeedsAnAdministrator() {
        Http api = new Http(server.getURI());
        String body = "{\"email\":\"x-" + UUID.randomUUID() + "@groenlicht.test\",\"name\":\"X\",\"password\":\"" + COACH_PASSWORD + "\"}";
        HttpResponse<String> anonymous = api.post("/api/admin/coaches", "application/json", body);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        String coach = newCoach(server.getURI(), COACH_PASSWORD);
        assertEquals(403, api.post("/api/admin/coaches", "application/json", body,
                "Authorization", Http.basic(coach, COACH_PASSWORD)).statusCode());
        assertEquals(401, api.post("/api/admin/coaches", "application/json", body,
                "Authorization", Http.basic(ADMIN, "wrong-password-here")).statusCode());
    }

    @Test
    void adminApiRefusesBadAccountsClearly() {
        String coach = newCoach(server.getURI(), COACH_PASSWORD);
        Http api = new Http(server.getURI());
        for (String body : List.of("{\"email\":\"" + coach + "\",\"name\":\"Dubbel\",\"password\":\"" + COACH_PASSWORD + "\"}",
                "{\"email\":\"geen-adres\",\"name\":\"X\",\"password\":\"" + COACH_PASSWORD + "\"}",
                "{\"email\":\"kort@groenlicht.test\",\"name\":\"X\",\"password\":\"kort\"}",
                "{\"email\":5}", "not json")) {
            HttpResponse<String> response = api.post("/api/admin/coaches", "application/json", body,
                    "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD));
            assertEquals(400, response.statusCode(), body);
            assertTrue(response.body().startsWith("{\"errors\""), response.body());
        }
    }

    @Test
    void coachCannotManageAccounts() {
        String coach = newCoach(server.getURI(), COACH_PASSWORD);
        browser.login(coach, COACH_PASSWORD);
        assertFalse(browser.get("/coach").body().contains("/admin/coaches"));
        assertEquals(403, browser.get("/admin/coaches").statusCode());
    }

    @Test
    void adminCreatesAndDisablesACoachThroughThePages() {
        browser.login(ADMIN, ADMIN_PASSWORD);
        String page = browser.get("/admin/coaches").body();
        String csrf = Http.csrfOf(page);
        String email = "pagina-" + UUID.randomUUID() + "@groenlicht.test";

        HttpResponse<String> invalid = browser.postForm("/admin/coaches", Map.of("_csrf", List.of(csrf),
                "email", List.of(email), "name", List.of("<b>Nieuwe</b> coach"), "password", List.of("kort")));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("minstens 12 tekens"));
        assertTrue(invalid.body().contains("value=\"&lt;b&gt;Nieuwe&lt;/b&gt; coach\""), "typed name kept, escaped");

        HttpResponse<String> created = browser.postForm("/admin/coaches", Map.of("_csrf", List.of(csrf),
                "email", List.of(email), "name", List.of("Nieuwe coach"), "password", List.of(COACH_PASSWORD)));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals(303, new Http(server.getURI()).login(email, COACH_PASSWORD).statusCode());

        long id = database.count("SELECT id FROM account WHERE email = ?", email);
        assertEquals(403, browser.postForm("/admin/coaches/" + id + "/enabled",
                Map.of("enabled", List.of("false"))).statusCode(), "no CSRF token, no change");
        assertEquals(303, browser.postForm("/admin/coaches/" + id + "/enabled",
                Map.of("_csrf", List.of(csrf), "enabled", List.of("false"))).statusCode());
        assertEquals(400, new Http(server.getURI()).login(email, COACH_PASSWORD).statusCode(),
                "a disabled coach cannot log in");
    }
}
