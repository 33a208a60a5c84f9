package nl.groenlicht.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static nl.groenlicht.support.TestAccounts.newCoach;
import static nl.groenlicht.support.TestAccounts.newCoachWithTemporaryPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff change their own password with the current one, and a password an administrator set is changed at the first
 * login before anything else (issue 16, M-9).
 */
@MicronautTest(transactional = false)
class PasswordChangeTest {

    private static final String TEMPORARY = "van-de-beheerder-2026x";
    private static final String OWN = "mijn-eigen-lange-zin-7";

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    @Test
    void aPasswordTheAdministratorSetIsChangedBeforeAnythingElse() {
        String coach = newCoachWithTemporaryPassword(server.getURI(), TEMPORARY);
        Http browser = new Http(server.getURI());
        assertEquals(303, browser.login(coach, TEMPORARY).statusCode());
        HttpResponse<String> home = browser.get("/coach");
        assertEquals(303, home.statusCode());
        assertEquals("/account/password", Http.location(home));
        assertEquals(403, new Http(server.getURI()).get("/api/organisations", "Authorization",
                Http.basic(coach, TEMPORARY)).statusCode(), "the API waits for the change too");
        HttpResponse<String> page = browser.get("/account/password");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Uw wachtwoord is door een beheerder ingesteld."), page.body());

        String sessionBefore = browser.cookie("SESSION");
        HttpResponse<String> changed = browser.changePassword(TEMPORARY, OWN, OWN);
        assertEquals(303, changed.statusCode(), changed.body());
        assertNotEquals(sessionBefore, browser.cookie("SESSION"), "the change goes on in a new session");
        assertEquals(200, browser.get("/coach").statusCode());
        assertEquals(400, new Http(server.getURI()).login(coach, TEMPORARY).statusCode());
        Http later = new Http(server.getURI());
        assertEquals(303, later.login(coach, OWN).statusCode());
        assertEquals(200, later.get("/coach").statusCode(), "no change asked again");
    }

    @Test
    void wrongCurrentPasswordDifferentRepeatsAndCommonPasswordsAreExplained() {
        String coach = newCoach(server.getURI(), OWN);
        Http browser = new Http(server.getURI());
        assertEquals(303, browser.login(coach, OWN).statusCode());
        HttpResponse<String> wrongCurrent = browser.changePassword("niet-het-wachtwoord", "nog-een-lange-zin-8",
                "nog-een-lange-zin-8");
        assertEquals(400, wrongCurrent.statusCode());
        assertTrue(wrongCurrent.body().contains("class=\"error-summary\""), wrongCurrent.body());
        assertTrue(wrongCurrent.body().contains("href=\"#currentPassword\">Het huidige wachtwoord klopt niet."));
        HttpResponse<String> differ = browser.changePassword(OWN, "nog-een-lange-zin-8", "nog-een-lange-zin-9");
        assertTrue(differ.body().contains("href=\"#repeatPassword\""), differ.body());
        HttpResponse<String> common = browser.changePassword(OWN, "password1234", "password1234");
        assertEquals(400, common.statusCode());
        assertTrue(common.body().contains("veel gebruikt"), common.body());
        assertEquals(303, new Http(server.getURI()).login(coach, OWN).statusCode(), "nothing was changed");
    }

    @Test
    void changingThePasswordLogsOutTheOtherSessions() {
        String coach = newCoach(server.getURI(), OWN);
        Http laptop = new Http(server.getURI());
        Http phone = new Http(server.getURI());
        assertEquals(303, laptop.login(coach, OWN).statusCode());
        assertEquals(303, phone.login(coach, OWN).statusCode());
        assertEquals(303, laptop.changePassword(OWN, "een-heel-andere-zin-5", "een-heel-andere-zin-5").statusCode());
        assertEquals(200, laptop.get("/coach").statusCode());
        assertEquals("/login", Http.location(phone.get("/coach")));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        String coach = newCoach(server.getURI(), OWN);
        Http browser = new Http(server.getURI());
        assertEquals(303, browser.login(coach, OWN).statusCode());
        assertEquals(403, browser.postForm("/account/password", Map.of("currentPassword", List.of(OWN),
                "password", List.of("een-heel-andere-zin-5"), "repeatPassword", List.of("een-heel-andere-zin-5")))
                .statusCode());
        assertEquals(303, new Http(server.getURI()).login(coach, OWN).statusCode());
    }

    @Test
    void aResetByTheAdministratorIsTemporaryAgain() {
        String coach = newCoach(server.getURI(), OWN);
        Http admin = new Http(server.getURI());
        long id = database.count("SELECT id FROM account WHERE email = ?", coach);
        assertEquals(204, admin.put("/api/admin/coaches/" + id + "/password", "{\"password\":\"" + TEMPORARY + "\"}",
                "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)).statusCode());
        Http browser = new Http(server.getURI());
        assertEquals(303, browser.login(coach, TEMPORARY).statusCode());
        assertEquals("/account/password", Http.location(browser.get("/coach")));
    }
}
