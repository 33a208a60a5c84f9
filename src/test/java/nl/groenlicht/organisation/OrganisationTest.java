package nl.groenlicht.organisation;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organisations and sites: a coach sees their own, an administrator all, and nobody learns what others have. */
@MicronautTest(transactional = false)
class OrganisationTest {

    private static final String PASSWORD = "coach-wachtwoord-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Database database;

    private Http api;
    private String coachA;
    private String coachB;

    @BeforeEach
    void twoCoaches() {
        api = new Http(server.getURI());
        coachA = newCoach(server.getURI(), PASSWORD);
        coachB = newCoach(server.getURI(), PASSWORD);
    }


    private Map<String, Object> parse(String body) throws IOException {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }

    private long createOrganisation(String coach, String name) throws IOException {
        HttpResponse<String> created = api.post("/api/organisations", "application/json",
                json.writeValueAsString(Map.of("name", name)), "Authorization", Http.basic(coach, PASSWORD));
        assertEquals(201, created.statusCode(), created.body());
        return ((Number) parse(created.body()).get("id")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void coachCreatesAnOrganisationWithSitesAndOnlyTheyAndAdministratorsSeeIt() throws IOException {
        long id = createOrganisation(coachA, "Schoonmaak <b>Oost</b>");
        HttpResponse<String> site = api.post("/api/organisations/" + id + "/sites", "application/json",
                "{\"name\":\"Ziekenhuis, vleugel B\",\"kind\":\"CLIENT_SITE\"}", "Authorization", Http.basic(coachA, PASSWORD));
        assertEquals(201, site.statusCode(), site.body());

        HttpResponse<String> own = api.get("/api/organisations/" + id, "Authorization", Http.basic(coachA, PASSWORD));
        assertEquals(200, own.statusCode());
        Map<String, Object> organisation = parse(own.body());
        assertEquals("Schoonmaak <b>Oost</b>", organisation.get("name"));
        assertEquals("CLIENT_SITE", ((List<Map<String, Object>>) organisation.get("sites")).get(0).get("kind"));
        assertEquals(200, api.get("/api/organisations/" + id, "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)).statusCode());

        HttpResponse<String> other = api.get("/api/organisations/" + id, "Authorization", Http.basic(coachB, PASSWORD));
        assertEquals(404, other.statusCode());
        assertEquals(api.get("/api/organisations/99999999", "Authorization", Http.basic(coachB, PASSWORD)).body(),
                other.body(), "another coach's organisation looks exactly like one that does not exist");
        assertEquals(404, api.post("/api/organisations/" + id + "/sites", "application/json",
                "{\"name\":\"Stiekem\",\"kind\":\"LOCATION\"}", "Authorization", Http.basic(coachB, PASSWORD)).statusCode());
        HttpResponse<String> listB = api.get("/api/organisations", "Authorization", Http.basic(coachB, PASSWORD));
        assertFalse(listB.body().contains("Oost"), listB.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void administratorExportsAndDeletesAnOrganisationCompletely() throws IOException {
        long id = createOrganisation(coachA, "Weg BV");
        api.post("/api/organisations/" + id + "/sites", "application/json", "{\"name\":\"Hal 1\",\"kind\":\"LOCATION\"}",
                "Authorization", Http.basic(coachA, PASSWORD));
        assertEquals(403, api.get("/api/organisations/" + id + "/export", "Authorization", Http.basic(coachA, PASSWORD))
                .statusCode(), "only an administrator exports");
        HttpResponse<String> export = api.get("/api/organisations/" + id + "/export",
                "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD));
        assertEquals(200, export.statusCode());
        Map<String, Object> exported = parse(export.body());
        assertEquals("Weg BV", ((Map<String, Object>) exported.get("organisation")).get("name"));
        assertEquals("Hal 1", ((List<Map<String, Object>>) exported.get("sites")).get(0).get("name"));

        assertEquals(403, api.delete("/api/organisations/" + id, "Authorization", Http.basic(coachA, PASSWORD)).statusCode());
        assertEquals(204, api.delete("/api/organisations/" + id, "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)).statusCode());
        assertEquals(0, database.count("SELECT COUNT(*) FROM organisation WHERE id = ?", id));
        assertEquals(0, database.count("SELECT COUNT(*) FROM site WHERE organisation_id = ?", id));
        assertEquals(404, api.get("/api/organisations/" + id, "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)).statusCode());
        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ORGANISATION_DELETED' AND subject = ?",
                String.valueOf(id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void coachRunsASiteVisitScanThatOnlyTheyAndAdministratorsCanOpen() throws IOException {
        long id = createOrganisation(coachA, "Bezoek BV");
        HttpResponse<String> site = api.post("/api/organisations/" + id + "/sites", "application/json",
                "{\"name\":\"Klantlocatie Noord\",\"kind\":\"CLIENT_SITE\"}", "Authorization", Http.basic(coachA, PASSWORD));
        long siteId = ((Number) parse(site.body()).get("id")).longValue();

        Http tablet = new Http(server.getURI());
        tablet.login(coachA, PASSWORD);
        String page = tablet.get("/coach/organisations/" + id).body();
        assertTrue(page.contains("Nog geen scan op deze locatie."));
        HttpResponse<String> started = tablet.postForm("/coach/organisations/" + id + "/sites/" + siteId + "/scans",
                Map.of("_csrf", List.of(Http.csrfOf(page))));
        assertEquals(303, started.statusCode(), started.body());
        String profile = Http.location(started).replaceAll("^https?://[^/]+", "");
        String scanPath = profile.replace("/profile", "");
        assertTrue(tablet.get(profile).body().contains("value=\"Bezoek BV\""), "the profile starts from the organisation");
        assertEquals(1, database.count("SELECT COUNT(*) FROM scan WHERE site_id = ? AND scan_mode = 'COACH'", siteId));

        Http phone = new Http(server.getURI());
        phone.login(coachA, PASSWORD);
        HttpResponse<String> ownResult = phone.get(scanPath + "/result");
        assertEquals(200, ownResult.statusCode(), "the coach opens their scan on another device through their login");
        assertTrue(ownResult.body().contains("Klant / opdrachtgever"));
        assertTrue(phone.get("/coach/organisations/" + id).body().contains("href=\"" + scanPath + "/result\""));

        Http other = new Http(server.getURI());
        other.login(coachB, PASSWORD);
        assertEquals(404, other.get(scanPath + "/result").statusCode());
        assertEquals(404, other.get(scanPath + "/report.pdf").statusCode());
        assertEquals(404, other.postForm("/coach/organisations/" + id + "/sites/" + siteId + "/scans",
                Map.of("_csrf", List.of(Http.csrfOf(other.get("/coach").body())))).statusCode());
        Http admin = new Http(server.getURI());
        admin.login(ADMIN, ADMIN_PASSWORD);
        assertEquals(200, admin.get(scanPath + "/result").statusCode());

        HttpResponse<String> export = api.get("/api/organisations/" + id + "/export",
                "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD));
        List<Map<String, Object>> exportedScans = (List<Map<String, Object>>) parse(export.body()).get("scans");
        assertEquals(1, exportedScans.size(), "the export holds the organisation's scans");
        assertEquals(List.of("Bezoek BV"), ((Map<String, Object>) exportedScans.get(0).get("answers")).get("organisationName"));

        assertEquals(204, api.delete("/api/organisations/" + id, "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)).statusCode());
        assertEquals(0, database.count("SELECT COUNT(*) FROM scan WHERE site_id = ?", siteId), "the scan goes with it");
        assertEquals(0, database.count("SELECT COUNT(*) FROM answer a WHERE NOT EXISTS (SELECT 1 FROM scan s WHERE s.id = a.scan_id)"));
        assertEquals(0, database.count("SELECT COUNT(*) FROM section_score ss WHERE NOT EXISTS "
                + "(SELECT 1 FROM scan s WHERE s.id = ss.scan_id)"), "and its stored lights");
    }

    @Test
    void withoutAnAccountTheApiAnswers401() {
        assertEquals(401, api.get("/api/organisations/1").statusCode());
        assertEquals(401, api.post("/api/organisations", "application/json", "{\"name\":\"X\"}").statusCode());
    }

    @Test
    void badInputIsRefusedClearly() throws IOException {
        long id = createOrganisation(coachA, "Goed BV");
        for (String body : List.of("{}", "{\"name\":\"  \"}", "{\"name\":5}", "[]", "nope",
                "{\"name\":\"" + "x".repeat(201) + "\"}")) {
            HttpResponse<String> response = api.post("/api/organisations", "application/json", body,
                    "Authorization", Http.basic(coachA, PASSWORD));
            assertEquals(400, response.statusCode(), body);
            assertTrue(response.body().startsWith("{\"errors\""), response.body());
        }
        HttpResponse<String> kind = api.post("/api/organisations/" + id + "/sites", "application/json",
                "{\"name\":\"Hal\",\"kind\":\"SPACESHIP\"}", "Authorization", Http.basic(coachA, PASSWORD));
        assertEquals(400, kind.statusCode());
        assertTrue(kind.body().contains("\"item\":\"kind\""), kind.body());
    }

    @Test
    void coachManagesOrganisationsThroughThePagesAndCannotOpenAnothersPage() throws IOException {
        Http browser = new Http(server.getURI());
        assertEquals(303, browser.login(coachA, PASSWORD).statusCode());
        String csrf = Http.csrfOf(browser.get("/coach").body());
        HttpResponse<String> empty = browser.postForm("/coach/organisations", Map.of("_csrf", List.of(csrf),
                "name", List.of(" ")));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("href=\"#name\""));

        HttpResponse<String> created = browser.postForm("/coach/organisations", Map.of("_csrf", List.of(csrf),
                "name", List.of("Bakkerij <i>Zoet</i>")));
        assertEquals(303, created.statusCode(), created.body());
        String path = Http.location(created).replaceAll("^https?://[^/]+", "");
        HttpResponse<String> site = browser.postForm(path + "/sites", Map.of("_csrf", List.of(csrf),
                "name", List.of("Winkel centrum"), "kind", List.of("LOCATION")));
        assertEquals(303, site.statusCode());
        String page = browser.get(path).body();
        assertTrue(page.contains("Bakkerij &lt;i&gt;Zoet&lt;/i&gt;"));
        assertTrue(page.contains("Winkel centrum"));
        assertEquals(403, browser.postForm(path + "/sites", Map.of("name", List.of("Zonder token"),
                "kind", List.of("LOCATION"))).statusCode());

        Http other = new Http(server.getURI());
        other.login(coachB, PASSWORD);
        assertEquals(404, other.get(path).statusCode());
        assertFalse(other.get("/coach").body().contains("Zoet"));
        createOrganisation(coachB, "Eigen van B");
        assertTrue(other.get("/coach").body().contains("Eigen van B"));
    }
}
