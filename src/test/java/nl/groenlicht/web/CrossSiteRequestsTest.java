package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another site cannot make a logged-in browser change anything (issue 16, M-1 and M-2): a CSRF token is good only for
 * the browser and the staff session it was signed for, a form or API call from another origin is refused, and the
 * API takes only declared JSON. Pages never ask the browser for Basic credentials.
 */
@MicronautTest(transactional = false)
class CrossSiteRequestsTest {

    private static final String NEW_COACH = """
            {"email":"%s","name":"Coach via API","password":"Api-wachtwoord-12"}""";

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    private Http admin() {
        Http admin = new Http(server.getURI());
        assertEquals(303, admin.login(ADMIN, ADMIN_PASSWORD).statusCode());
        return admin;
    }

    private static Map<String, List<String>> newCoachForm(String csrf, String email) {
        return Map.of("_csrf", List.of(csrf), "email", List.of(email), "name", List.of("Coach via formulier"),
                "password", List.of("Formulier-wachtwoord-12"));
    }

    private long accounts(String email) {
        return database.count("SELECT COUNT(*) FROM account WHERE email = ?", email);
    }

    private String ownOrigin() {
        return "http://" + server.getHost() + ":" + server.getPort();
    }

    @Test
    void aPlantedCookieWithATokenOfTheAttackersChoiceIsRefused() {
        Http admin = admin();
        admin.get("/admin/coaches");
        String chosen = "ATTACKERCHOSENTOKEN0123456789abcdefXYZ";
        admin.plantCookie("gl_csrf", chosen);
        String email = "geplant-" + UUID.randomUUID() + "@groenlicht.test";

        assertEquals(403, admin.postForm("/admin/coaches", newCoachForm(chosen, email)).statusCode());
        assertEquals(0, accounts(email));
    }

    @Test
    void aTokenSignedForTheAttackersOwnVisitIsRefusedInAStaffSession() {
        Http attacker = new Http(server.getURI());
        String attackersToken = Http.csrfOf(attacker.get("/login").body());
        Http admin = admin();
        admin.plantCookie("gl_csrf", attacker.cookie("gl_csrf"));
        String email = "overgenomen-" + UUID.randomUUID() + "@groenlicht.test";

        assertEquals(403, admin.postForm("/admin/coaches", newCoachForm(attackersToken, email)).statusCode());
        assertEquals(0, accounts(email));
    }

    @Test
    void aStaffTokenIsGoodOnlyForTheSessionItWasShownIn() {
        Http first = admin();
        String firstToken = Http.csrfOf(first.get("/admin/coaches").body());
        Http second = admin();
        second.plantCookie("gl_csrf", first.cookie("gl_csrf"));
        String email = "andere-sessie-" + UUID.randomUUID() + "@groenlicht.test";

        assertEquals(403, second.postForm("/admin/coaches", newCoachForm(firstToken, email)).statusCode());
        assertEquals(303, first.postForm("/admin/coaches", newCoachForm(firstToken, email)).statusCode(),
                "the token still works where it was shown");
        assertEquals(1, accounts(email));
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedEvenWithAValidToken() {
        Http admin = admin();
        String csrf = Http.csrfOf(admin.get("/admin/coaches").body());
        String body = "_csrf=" + csrf + "&email=kruislings-%s%%40groenlicht.test&name=x&password=Kruislings-wachtwoord-1";
        String form = "application/x-www-form-urlencoded";

        String fromEvil = String.format(body, "evil");
        // Another port on this host: Micronaut itself refuses other hosts while the server listens on localhost.
        HttpResponse<String> refused = admin.post("/admin/coaches", form, fromEvil, "Origin", "http://localhost:1");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("<h1"), "an error page: " + refused.body());
        assertEquals(403, admin.post("/admin/coaches", form, fromEvil, "Origin", "https://evil.example").statusCode());
        assertEquals(403, admin.post("/admin/coaches", form, fromEvil, "Origin", "null").statusCode());
        assertEquals(403, admin.post("/admin/coaches", form, fromEvil, "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(0, accounts("kruislings-evil@groenlicht.test"));

        String own = String.format(body, UUID.randomUUID());
        assertEquals(303, admin.post("/admin/coaches", form, own, "Origin", ownOrigin(),
                "Sec-Fetch-Site", "same-origin").statusCode(), "the portal's own pages may post");
    }

    @Test
    void anApiCallFromAnotherSiteIsRefusedWithJson() {
        String email = "api-kruislings-" + UUID.randomUUID() + "@groenlicht.test";
        HttpResponse<String> refused = new Http(server.getURI()).post("/api/admin/coaches", "application/json",
                NEW_COACH.formatted(email), "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD),
                "Origin", "http://localhost:1");

        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().startsWith("{\"errors\""), refused.headers() + refused.body());
        assertEquals(0, accounts(email));
    }

    @Test
    void theApiRefusesAStateChangeWithoutAJsonContentType() {
        String email = "zonder-type-" + UUID.randomUUID() + "@groenlicht.test";
        Http api = new Http(server.getURI());
        String basic = Http.basic(ADMIN, ADMIN_PASSWORD);

        HttpResponse<String> untyped = api.send("POST", "/api/admin/coaches", NEW_COACH.formatted(email),
                "Authorization", basic);
        assertEquals(415, untyped.statusCode(), untyped.body());
        assertTrue(untyped.body().contains("Content-Type: application/json"), untyped.body());
        assertEquals(415, api.send("PUT", "/api/scans/1/answers", "{\"answers\":{}}").statusCode());
        assertEquals(415, api.send("DELETE", "/api/scans/1", "{}", "Content-Type", "text/plain").statusCode());
        assertEquals(0, accounts(email));

        assertEquals(201, api.send("POST", "/api/admin/coaches", NEW_COACH.formatted(email), "Authorization", basic,
                "Content-Type", "application/json; charset=UTF-8").statusCode());
        assertEquals(404, api.delete("/api/scans/999999", "X-Scan-Token", "onbekend").statusCode(),
                "a DELETE without a body needs no type");
    }

    @Test
    void onlyMachineAddressesAskForBasicCredentials() {
        Http anonymous = new Http(server.getURI());
        String wrong = Http.basic(ADMIN, "fout-wachtwoord");
        for (String page : List.of("/coach", "/admin/coaches", "/coach/organisations/1")) {
            for (HttpResponse<String> response : List.of(anonymous.get(page), anonymous.get(page, "Authorization", wrong))) {
                assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent(),
                        page + " " + response.statusCode() + " asks for Basic credentials");
            }
        }
        assertEquals(303, anonymous.get("/admin/coaches", "Authorization", wrong).statusCode(), "pages send to the login");
        for (String machine : List.of("/api/organisations", "/prometheus")) {
            HttpResponse<String> response = anonymous.get(machine);
            assertEquals(401, response.statusCode(), machine);
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), machine);
        }
    }

    @Test
    void xForwardedProtoFromAnAddressThatIsNoTrustedProxyChangesNothing() {
        HttpResponse<String> page = new Http(server.getURI()).get("/login", "X-Forwarded-Proto", "https");

        assertFalse(page.headers().firstValue("Strict-Transport-Security").isPresent());
        assertTrue(page.headers().allValues("Set-Cookie").stream()
                .allMatch(c -> c.startsWith("gl_csrf=") && !c.toLowerCase().contains("secure")), page.headers().toString());
    }
}
