package nl.groenlicht.account;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.response.ScanToken;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.ScanAnswers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A staff session ends with the account's trust in it (issue 16, H-1): an administrator who disables a coach or sets a
 * new password ends every session of that account at once, on the pages and through the API, and the site-visit scan
 * cookie that such a session was given opens nothing any more.
 */
@MicronautTest(transactional = false)
class StaffSessionsTest {

    private static final String PASSWORD = "coach-wachtwoord-123";
    private static final String NEW_PASSWORD = "nieuw-wachtwoord-456";
    private static final String OWN_PASSWORD = "zelf-gekozen-zin-789";

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    @Inject
    JsonMapper json;

    private Http loggedIn(String email, String password) {
        Http browser = new Http(server.getURI());
        assertEquals(303, browser.login(email, password).statusCode());
        assertEquals(200, browser.get("/coach").statusCode());
        return browser;
    }

    /** Logged in with the password an administrator set: the coach chooses their own first. */
    private Http loggedInAfterReset(String email, String password) {
        Http browser = new Http(server.getURI());
        assertEquals(303, browser.login(email, password).statusCode());
        assertEquals("/account/password", Http.location(browser.get("/coach")));
        assertEquals(303, browser.changePassword(password, OWN_PASSWORD, OWN_PASSWORD).statusCode());
        assertEquals(200, browser.get("/coach").statusCode());
        return browser;
    }

    private static void assertLoggedOut(Http browser, String what) {
        HttpResponse<String> page = browser.get("/coach");
        assertEquals(303, page.statusCode(), what);
        assertEquals("/login", Http.location(page).replaceAll("^https?://[^/]+", ""), what);
    }

    private long accountId(String email) {
        return database.count("SELECT id FROM account WHERE email = ?", email);
    }

    private Http admin() {
        return loggedIn(ADMIN, ADMIN_PASSWORD);
    }

    private static void adminPost(Http admin, String path, Map<String, List<String>> fields) {
        String csrf = Http.csrfOf(admin.get("/admin/coaches").body());
        Map<String, List<String>> form = new HashMap<>(fields);
        form.put("_csrf", List.of(csrf));
        assertEquals(303, admin.postForm(path, form).statusCode(), path);
    }

    private HttpResponse<String> adminApi(String method, String path, String body) {
        Http api = new Http(server.getURI());
        String authorization = Http.basic(ADMIN, ADMIN_PASSWORD);
        return "PUT".equals(method) ? api.put(path, body, "Authorization", authorization)
                : api.post(path, "application/json", body, "Authorization", authorization);
    }

    private long created(HttpResponse<String> response) throws IOException {
        assertEquals(201, response.statusCode(), response.body());
        return ((Number) json.readValue(response.body(), Argument.mapOf(String.class, Object.class)).get("id")).longValue();
    }

    /** A site-visit scan started on the coach's tablet; its token is in the tablet's cookie. */
    private long visitScan(Http tablet, String coach) throws IOException {
        String basic = Http.basic(coach, PASSWORD);
        Http api = new Http(server.getURI());
        long organisation = created(api.post("/api/organisations", "application/json", "{\"name\":\"Bezoek BV\"}",
                "Authorization", basic));
        long site = created(api.post("/api/organisations/" + organisation + "/sites", "application/json",
                "{\"name\":\"Hal 1\",\"kind\":\"LOCATION\"}", "Authorization", basic));
        String sitePath = "/coach/organisations/" + organisation + "/sites/" + site;
        String csrf = Http.csrfOf(tablet.get(sitePath).body());
        HttpResponse<String> started = tablet.postForm(sitePath + "/scans", Map.of("_csrf", List.of(csrf)));
        assertEquals(303, started.statusCode(), started.body());
        Matcher id = Pattern.compile("/scans/(\\d+)/profile").matcher(Http.location(started));
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    @Test
    void disablingACoachEndsTheirSessionsAtOnce() {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http laptop = loggedIn(coach, PASSWORD);
        Http phone = loggedIn(coach, PASSWORD);

        adminPost(admin(), "/admin/coaches/" + accountId(coach) + "/enabled", Map.of("enabled", List.of("false")));

        assertLoggedOut(laptop, "the laptop's session ended");
        assertLoggedOut(phone, "the phone's session ended");
        assertEquals(0, database.count("SELECT COUNT(*) FROM http_session WHERE attributes LIKE ?", "%" + coach + "%"));
    }

    @Test
    void disablingACoachEndsTheScanAccessTheirSessionCarried() throws IOException {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http tablet = loggedIn(coach, PASSWORD);
        long scan = visitScan(tablet, coach);
        // The token a browser was given with a site visit before visits were opened through the login only (M-4).
        String token = ScanAnswers.newToken(database, scan);
        assertEquals(200, tablet.get("/scans/" + scan + "/profile").statusCode());
        Http api = new Http(server.getURI());
        assertEquals(200, api.get("/api/scans/" + scan + "/result", "X-Scan-Token", token).statusCode());

        adminPost(admin(), "/admin/coaches/" + accountId(coach) + "/enabled", Map.of("enabled", List.of("false")));

        assertEquals(404, tablet.get("/scans/" + scan + "/profile").statusCode(), "the scan cookie alone opens nothing");
        assertEquals(404, tablet.get("/scans/" + scan + "/report").statusCode());
        assertEquals(404, api.get("/api/scans/" + scan + "/result", "X-Scan-Token", token).statusCode());
        assertEquals(404, api.put("/api/scans/" + scan + "/answers", "{\"answers\":{\"workNote\":\"na uitschakelen\"}}",
                "X-Scan-Token", token).statusCode(), "nor does its token on the API");

        // The administrator still opens the scan: it belongs to the organisation, not to the coach's old session.
        assertEquals(200, admin().get("/scans/" + scan + "/report").statusCode());
    }

    @Test
    void resettingAPasswordEndsTheOldSessions() throws IOException {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http tablet = loggedIn(coach, PASSWORD);
        long scan = visitScan(tablet, coach);
        String token = ScanAnswers.newToken(database, scan);

        adminPost(admin(), "/admin/coaches/" + accountId(coach) + "/password", Map.of("password", List.of(NEW_PASSWORD)));

        assertLoggedOut(tablet, "the session from before the reset ended");
        assertEquals(404, new Http(server.getURI()).get("/api/scans/" + scan + "/result", "X-Scan-Token", token)
                .statusCode(), "the visit scan's token from before the reset opens nothing");
        Http again = loggedInAfterReset(coach, NEW_PASSWORD);
        assertEquals(200, again.get("/scans/" + scan + "/profile").statusCode(), "the coach opens the scan again through the login");
    }

    @Test
    void disablingACoachThroughTheApiEndsTheirSessions() {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http laptop = loggedIn(coach, PASSWORD);

        HttpResponse<String> disabled = adminApi("PUT", "/api/admin/coaches/" + accountId(coach) + "/enabled",
                "{\"enabled\":false}");
        assertEquals(204, disabled.statusCode(), disabled.body());

        assertLoggedOut(laptop, "the session ended");
        assertEquals(400, new Http(server.getURI()).login(coach, PASSWORD).statusCode(), "and no new login");
        assertEquals(204, adminApi("PUT", "/api/admin/coaches/" + accountId(coach) + "/enabled", "{\"enabled\":true}")
                .statusCode());
        loggedIn(coach, PASSWORD);
    }

    @Test
    void resettingAPasswordThroughTheApiEndsTheOldSessions() {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http laptop = loggedIn(coach, PASSWORD);
        String path = "/api/admin/coaches/" + accountId(coach) + "/password";

        HttpResponse<String> tooShort = adminApi("PUT", path, "{\"password\":\"kort\"}");
        assertEquals(400, tooShort.statusCode());
        assertTrue(tooShort.body().startsWith("{\"errors\""), tooShort.body());
        assertEquals(200, laptop.get("/coach").statusCode(), "a refused reset ends nothing");

        assertEquals(204, adminApi("PUT", path, "{\"password\":\"" + NEW_PASSWORD + "\"}").statusCode());
        assertLoggedOut(laptop, "the session from before the reset ended");
        loggedInAfterReset(coach, NEW_PASSWORD);
    }

    @Test
    void theApiRefusesChangesToUnknownAccountsAndToAdministrators() {
        assertEquals(404, adminApi("PUT", "/api/admin/coaches/999999/enabled", "{\"enabled\":false}").statusCode());
        assertEquals(404, adminApi("PUT", "/api/admin/coaches/" + accountId(ADMIN) + "/enabled", "{\"enabled\":false}")
                .statusCode(), "an administrator is not a coach to disable");
        String coach = newCoach(server.getURI(), PASSWORD);
        assertEquals(400, adminApi("PUT", "/api/admin/coaches/" + accountId(coach) + "/enabled", "{\"enabled\":\"no\"}")
                .statusCode());
        assertEquals(403, new Http(server.getURI()).put("/api/admin/coaches/" + accountId(coach) + "/enabled",
                "{\"enabled\":false}", "Authorization", Http.basic(coach, PASSWORD)).statusCode());
    }

    @Test
    void httpBasicForADisabledAccountFails() {
        String coach = newCoach(server.getURI(), PASSWORD);
        String basic = Http.basic(coach, PASSWORD);
        Http api = new Http(server.getURI());
        assertEquals(201, api.post("/api/organisations", "application/json", "{\"name\":\"Voor\"}",
                "Authorization", basic).statusCode());

        adminPost(admin(), "/admin/coaches/" + accountId(coach) + "/enabled", Map.of("enabled", List.of("false")));

        assertEquals(401, api.post("/api/organisations", "application/json", "{\"name\":\"Na\"}",
                "Authorization", basic).statusCode());
    }

    @Test
    void theSessionTableHoldsOnlyAHashOfTheSessionId() {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http laptop = loggedIn(coach, PASSWORD);
        String sessionId = new String(Base64.getDecoder().decode(laptop.cookie("SESSION")), StandardCharsets.UTF_8);

        assertEquals(0, database.count("SELECT COUNT(*) FROM http_session WHERE id = ?", sessionId),
                "the id that the cookie carries is not in the table");
        assertEquals(1, database.count("SELECT COUNT(*) FROM http_session WHERE id = ? AND attributes LIKE ?",
                ScanToken.hash(sessionId), "%" + coach + "%"), "its SHA-256 is, with the coach's session");
        assertEquals(200, laptop.get("/coach").statusCode(), "and the cookie still opens the session");
    }
}
