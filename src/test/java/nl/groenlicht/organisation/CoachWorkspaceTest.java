package nl.groenlicht.organisation;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.ScanAnswers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coach's follow-up: inviting the employer to the self-assessment, comparing it with the coach's own scan,
 * the history of a site, the dashboard, the audit log, and nothing of it reachable by another coach.
 */
@MicronautTest(transactional = false)
class CoachWorkspaceTest {

    private static final String PASSWORD = "coach-wachtwoord-123";
    private static final Pattern INVITATION = Pattern.compile("id=\"invitation-link\"[^>]*value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Database database;
    @Inject
    QuestionnaireCatalog catalog;

    private Http api;
    private String coach;
    private Http tablet;

    @BeforeEach
    void loggedInCoach() {
        api = new Http(server.getURI());
        coach = newCoach(server.getURI(), PASSWORD);
        tablet = new Http(server.getURI());
        assertEquals(303, tablet.login(coach, PASSWORD).statusCode());
    }


    private long created(HttpResponse<String> response) throws IOException {
        assertEquals(201, response.statusCode(), response.body());
        return ((Number) json.readValue(response.body(), Argument.mapOf(String.class, Object.class)).get("id")).longValue();
    }

    private long organisation(String name) throws IOException {
        return created(api.post("/api/organisations", "application/json", json.writeValueAsString(Map.of("name", name)),
                "Authorization", Http.basic(coach, PASSWORD)));
    }

    private long site(long organisationId, String name) throws IOException {
        return created(api.post("/api/organisations/" + organisationId + "/sites", "application/json",
                json.writeValueAsString(Map.of("name", name, "kind", "LOCATION")), "Authorization", Http.basic(coach, PASSWORD)));
    }

    private static String sitePath(long organisationId, long siteId) {
        return "/coach/organisations/" + organisationId + "/sites/" + siteId;
    }

    /** Starts a site-visit scan through the pages; returns its id. The tablet opens it through the coach's login. */
    private long visit(long organisationId, long siteId) {
        String csrf = Http.csrfOf(tablet.get(sitePath(organisationId, siteId)).body());
        HttpResponse<String> started = tablet.postForm(sitePath(organisationId, siteId) + "/scans",
                Map.of("_csrf", List.of(csrf)));
        assertEquals(303, started.statusCode(), started.body());
        Matcher id = Pattern.compile("/scans/(\\d+)/profile").matcher(Http.location(started));
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    /** A site-visit scan with every scored item answered: the worst option in the named sections, the best elsewhere. */
    private long answeredVisit(long organisationId, long siteId, String... worstSections) throws IOException {
        long scanId = visit(organisationId, siteId);
        answerAll(scanId, ScanAnswers.newToken(database, scanId), worstSections);
        return scanId;
    }

    private void answerAll(long scanId, String token, String... worstSections) throws IOException {
        ScanAnswers.answerAll(server.getURI(), json, catalog.current(), scanId, token, worstSections);
    }

    private String title(String sectionId) {
        return catalog.current().sections().stream().filter(s -> s.id().equals(sectionId)).findFirst().orElseThrow()
                .title().nl();
    }

    private static String pdfText(HttpResponse<byte[]> pdf) throws IOException {
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void invitedEmployersAnswersAttachToTheSiteAndTheCoachComparesThemWithTheirOwnScan() throws IOException {
        long organisationId = organisation("Groothandel Verweij");
        long siteId = site(organisationId, "Magazijn Zwolle");

        String sitePage = tablet.get(sitePath(organisationId, siteId)).body();
        assertTrue(sitePage.contains("Nog niet te vergelijken"), "nothing to compare before both scans exist");
        HttpResponse<String> invitation = tablet.postForm(sitePath(organisationId, siteId) + "/invitations",
                Map.of("_csrf", List.of(Http.csrfOf(sitePage))));
        assertEquals(200, invitation.statusCode(), invitation.body());
        Matcher link = INVITATION.matcher(invitation.body());
        assertTrue(link.find(), "the invitation page shows the link");
        String token = link.group(1).substring(link.group(1).lastIndexOf('/') + 1);

        Http employer = new Http(server.getURI());
        HttpResponse<String> opened = employer.get(URI.create(link.group(1)).getPath());
        assertEquals(303, opened.statusCode());
        String scanPath = URI.create(Http.location(opened)).getPath();
        HttpResponse<String> start = employer.get(scanPath);
        assertTrue(Http.location(start).endsWith(scanPath + "/profile"), "the employer starts at the profile");
        String profile = employer.get(scanPath + "/profile").body();
        assertTrue(profile.contains("value=\"Groothandel Verweij\""), "the organisation's name is filled in");
        long employerScanId = Long.parseLong(scanPath.substring(scanPath.lastIndexOf('/') + 1));
        assertEquals(1, database.count("SELECT COUNT(*) FROM scan WHERE id = ? AND site_id = ? AND scan_mode = 'SELF'",
                employerScanId, siteId), "the self-assessment belongs to the site");
        answerAll(employerScanId, token);

        long coachScanId = answeredVisit(organisationId, siteId, "stimuli");

        String comparison = tablet.get(sitePath(organisationId, siteId) + "/compare").body();
        assertTrue(comparison.contains("Onderdelen met een ander licht: 1."), comparison);
        assertTrue(comparison.contains("werkgever: groen — coach: rood"), "the disagreement is spelled out");
        assertTrue(comparison.contains("Verschil"));
        String report = pdfText(tablet.getBytes("/scans/" + coachScanId + "/report.pdf")).replaceAll("\\s+", " ");
        assertTrue(report.contains("Vergelijking met de zelfscan van de werkgever"), "the comparison is in the report");
        assertTrue(report.contains(title("stimuli")) && report.contains("werkgever: groen — coach: rood"));
        assertFalse(pdfText(employer.getBytes(scanPath + "/report.pdf")).contains("Vergelijking"),
                "the employer's own report does not show the coach's scan");

        HttpResponse<String> employersResult = tablet.get(scanPath + "/result");
        assertEquals(200, employersResult.statusCode(), "the coach reads the employer's result");
        assertFalse(employersResult.body().contains(scanPath + "/sections/"), "but is not offered to change it");
        assertEquals(404, tablet.get(scanPath + "/sections/stimuli").statusCode(),
                "the employer's answers stay the employer's");
    }

    @Test
    void siteHistoryShowsHowEachSectionMovedBetweenVisits() throws IOException {
        long organisationId = organisation("Kwekerij De Linde");
        long siteId = site(organisationId, "Kas 3");
        answeredVisit(organisationId, siteId, "supervisor");
        answeredVisit(organisationId, siteId);

        String page = tablet.get(sitePath(organisationId, siteId)).body();
        String supervisorTrend = page.substring(page.indexOf(title("supervisor")));
        assertTrue(supervisorTrend.indexOf("↑ beter") < supervisorTrend.indexOf("</table>"),
                "the supervisor section went from red to green");
        assertTrue(page.contains("Klaar: alle lichten staan op groen") && page.contains("Nog niet klaar"),
                "both visits are listed with their verdicts");
    }

    @Test
    void dashboardShowsEachOrganisationsLatestVerdictAndFiltersOnIt() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long ready = organisation("Klaar " + tag);
        long notYet = organisation("Rood " + tag);
        organisation("Leeg " + tag);
        answeredVisit(ready, site(ready, "Hal"));
        answeredVisit(notYet, site(notYet, "Hal"), "colleagues");

        String all = tablet.get("/coach?q=" + tag).body();
        assertTrue(all.contains("Klaar " + tag) && all.contains("Rood " + tag) && all.contains("Leeg " + tag));
        assertTrue(all.contains(title("colleagues").replace("'", "&#39;") + ": rood"),
                "the section holding it back is named with its light");
        String onlyReady = tablet.get("/coach?q=" + tag + "&readiness=READY").body();
        assertTrue(onlyReady.contains("Klaar " + tag));
        assertFalse(onlyReady.contains("Rood " + tag) || onlyReady.contains("Leeg " + tag));
        String notScanned = tablet.get("/coach?q=" + tag + "&readiness=NONE").body();
        assertTrue(notScanned.contains("Leeg " + tag) && notScanned.contains("Nog geen scan"));
        assertFalse(notScanned.contains("Klaar " + tag));

        Http other = new Http(server.getURI());
        other.login(newCoach(server.getURI(), PASSWORD), PASSWORD);
        String othersDashboard = other.get("/coach?q=" + tag).body();
        assertFalse(othersDashboard.contains("Klaar " + tag) || othersDashboard.contains("Leeg " + tag),
                "another coach's dashboard does not show them");
    }

    @Test
    void dashboardLinksToTheNextPageWhenMoreOrganisationsMatchThanFitOnOne() throws IOException {
        String search = "Pagina & zoon " + UUID.randomUUID().toString().substring(0, 8);
        for (int n = 0; n <= Dashboard.PAGE_SIZE; n++) {
            organisation(search + " " + n);
        }
        HttpResponse<String> first = tablet.get("/coach?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        assertEquals(200, first.statusCode(), first.body());
        String next = "/coach?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20")
                + "&amp;readiness=&amp;page=2";
        assertTrue(first.body().contains(next), "the next page keeps the search");
        HttpResponse<String> second = tablet.get(next.replace("&amp;", "&"));
        assertEquals(200, second.statusCode());
        assertTrue(second.body().contains(search.replace("&", "&amp;") + " 9"), "the last by name is on page 2");
    }

    @Test
    void anotherCoachFindsNothingOfACoachsWorkThroughPagesOrApi() throws IOException {
        long organisationId = organisation("Geheim BV");
        long siteId = site(organisationId, "Kantoor");
        long scanId = answeredVisit(organisationId, siteId);
        String scan = "/scans/" + scanId;

        String otherCoach = newCoach(server.getURI(), PASSWORD);
        Http other = new Http(server.getURI());
        other.login(otherCoach, PASSWORD);
        String csrf = Http.csrfOf(other.get("/coach").body());
        String site = sitePath(organisationId, siteId);
        for (String path : List.of("/coach/organisations/" + organisationId, site, site + "/compare", scan, scan + "/result",
                scan + "/report", scan + "/report.pdf", scan + "/plan", scan + "/profile", scan + "/sections/stimuli")) {
            assertEquals(404, other.get(path).statusCode(), path);
        }
        for (String path : List.of(site + "/scans", site + "/invitations", "/coach/organisations/" + organisationId + "/sites",
                scan + "/sections/stimuli", scan + "/plan", scan + "/profile")) {
            assertEquals(404, other.postForm(path, Map.of("_csrf", List.of(csrf))).statusCode(), path);
        }
        String basic = Http.basic(otherCoach, PASSWORD);
        for (String path : List.of("/api/organisations/" + organisationId, "/api/scans/" + scanId + "/result",
                "/api/scans/" + scanId + "/export.json", "/api/scans/" + scanId + "/export.csv",
                "/api/scans/" + scanId + "/report.pdf")) {
            assertEquals(404, api.get(path, "Authorization", basic).statusCode(), path);
        }
        assertEquals(404, api.put("/api/scans/" + scanId + "/answers", "{\"answers\":{}}", "Authorization", basic)
                .statusCode());
        assertEquals(404, api.post("/api/organisations/" + organisationId + "/sites", "application/json",
                "{\"name\":\"X\",\"kind\":\"LOCATION\"}", "Authorization", basic).statusCode());
        assertEquals(0, database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND (subject LIKE ? OR subject LIKE ?)",
                otherCoach, "%/organisations/" + organisationId + "%", "%/scans/" + scanId + "%"),
                "refused requests are not logged as views or changes");
        assertEquals(401, api.get("/api/organisations/" + organisationId).statusCode());
        assertEquals(403, tablet.postForm(site + "/scans", Map.of("action", List.of("start"))).statusCode(), "no CSRF token, no scan");
    }

    @Test
    void theAuditLogHoldsTheCoachsViewsChangesAndExports() throws IOException {
        long organisationId = organisation("Audit BV");
        long siteId = site(organisationId, "Loods");
        tablet.get("/coach/organisations/" + organisationId);
        long scanId = visit(organisationId, siteId);
        tablet.getBytes("/scans/" + scanId + "/report.pdf");

        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'VIEW' AND subject = ?",
                coach, "GET /coach/organisations/" + organisationId));
        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'CHANGE' AND subject = ?",
                coach, "POST " + sitePath(organisationId, siteId) + "/scans"));
        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'EXPORT' AND subject = ?",
                coach, "GET /scans/" + scanId + "/report.pdf"));
        assertEquals(0, database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND subject LIKE '%answer%'",
                coach), "no answers in the log");
    }
}
