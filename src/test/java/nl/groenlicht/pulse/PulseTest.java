package nl.groenlicht.pulse;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.Options;
import nl.groenlicht.support.ScanAnswers;
import nl.groenlicht.support.TestAccounts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The team pulse over HTTP, as an attacker with every role would try it: the employer who opened it watches every
 * page after every answer, closes, tries to reopen, answers again from a known device and opens a second round.
 * No pair of views may tell one answer.
 */
@MicronautTest(transactional = false)
class PulseTest {

    private static final Pattern LINK = Pattern.compile("value=\"(https?://[^\"]+/pulse/[^\"]+)\"");
    private static final Pattern SHOWN_OVER = Pattern.compile("Over (\\d+) antwoorden");
    private static final Pattern FIGURE = Pattern.compile("\\((\\d+)\\)|score (\\d+) van 100");
    private static final List<String> STATEMENTS = List.of("helpEachOther", "newColleaguesBelong", "lingeringTension",
            "sayWhenStuck", "openToDifferences", "explainAgain", "talkAboutMentalHealth", "jokesAboutMentalHealth");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    QuestionnaireCatalog catalog;
    @Inject
    Database database;

    /** What one role sees of the pulse on one page: how many answers the figures are over, and the figures. */
    private record View(String page, int over, List<String> figures) {
    }

    private long scanId;
    private String token;
    private Http employer;

    private void selfAssessmentAllGreen() throws IOException {
        Http api = new Http(server.getURI());
        HttpResponse<String> created = api.post("/api/scans", "application/json", json.writeValueAsString(Map.of(
                "mode", "SELF", "profile", Map.of("organisationName", "Schoonmaak De Eendracht"))));
        Map<String, Object> body = json.readValue(created.body(), Argument.mapOf(String.class, Object.class));
        scanId = ((Number) body.get("id")).longValue();
        token = (String) body.get("token");
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Section section : catalog.current().sections()) {
            for (Item item : section.scoredItems()) {
                answers.put(item.id(), Options.best(item));
            }
        }
        assertEquals(200, api.put("/api/scans/" + scanId + "/answers", json.writeValueAsString(Map.of("answers",
                answers)), "X-Scan-Token", token).statusCode());
        employer = new Http(server.getURI());
        assertEquals(303, employer.get("/resume/" + token).statusCode());
    }

    /** Opens a pulse as the employer; returns its page and respondents' link path. */
    private String[] openPulse(String team) {
        String csrf = Http.csrfOf(employer.get("/scans/" + scanId + "/pulses").body());
        HttpResponse<String> opened = employer.postForm("/scans/" + scanId + "/pulses",
                Map.of("_csrf", List.of(csrf), "team", List.of(team)));
        assertEquals(303, opened.statusCode());
        String page = Http.location(opened);
        Matcher link = LINK.matcher(employer.get(page).body());
        assertTrue(link.find(), "the pulse page shows the link to share");
        return new String[] {page, URI.create(link.group(1)).getPath()};
    }

    /** One respondent on a device of their own (or the given one) answers every statement with {@code value}. */
    private static String respond(Http device, String link, String value) {
        HttpResponse<String> page = device.get(link);
        assertEquals(200, page.statusCode());
        return send(device, link, Http.csrfOf(page.body()), value);
    }

    private static String send(Http device, String link, String csrf, String value) {
        Map<String, List<String>> form = new HashMap<>();
        form.put("_csrf", List.of(csrf));
        STATEMENTS.forEach(s -> form.put(s, List.of(value)));
        HttpResponse<String> sent = device.postForm(link, form);
        assertEquals(303, sent.statusCode(), sent.body());
        return Http.location(sent);
    }

    private Http newDevice() {
        return new Http(server.getURI());
    }

    private List<View> views(String pulsePage) throws IOException {
        List<View> views = new ArrayList<>();
        views.add(view("result", block(employer.get("/scans/" + scanId + "/result").body())));
        views.add(view("report", block(employer.get("/scans/" + scanId + "/report").body())));
        views.add(view("pulse", employer.get(pulsePage).body()));
        try (PDDocument pdf = Loader.loadPDF(employer.getBytes("/scans/" + scanId + "/report.pdf").body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            int at = text.indexOf("Wat het team zegt");
            views.add(view("pdf", at < 0 ? "" : text.substring(at, text.indexOf("Advies", at))));
        }
        return views;
    }

    private static String block(String html) {
        int start = html.indexOf("id=\"team-pulse\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</section>", start));
    }

    private static View view(String page, String text) {
        Matcher over = SHOWN_OVER.matcher(text);
        List<String> figures = new ArrayList<>();
        Matcher figure = FIGURE.matcher(text);
        while (figure.find()) {
            figures.add(figure.group());
        }
        return new View(page, over.find() ? Integer.parseInt(over.group(1)) : 0, figures);
    }

    private long stored(String pulsePage) {
        String id = pulsePage.substring(pulsePage.lastIndexOf('/') + 1);
        return database.count("SELECT COUNT(*) FROM pulse_response WHERE pulse_id = ?", id);
    }

    @Test
    void noPairOfViewsByAnyRoleRevealsOneAnswer() throws IOException {
        selfAssessmentAllGreen();
        String[] pulse = openPulse("Ochtendploeg");
        String page = pulse[0];
        String link = pulse[1];
        // The value each respondent chooses for every statement, in the order they answer.
        List<String> chosen = List.of("2", "2", "2", "2", "2", "5", "1", "1", "1", "1", "3", "3");
        List<View> seen = new ArrayList<>(views(page));
        Http first = newDevice();
        for (int i = 0; i < chosen.size(); i++) {
            Http device = i == 0 ? first : newDevice();
            assertTrue(respond(device, link, chosen.get(i)).endsWith("outcome=SAVED"));
            List<View> now = views(page);
            seen.addAll(now);
            int answered = i + 1;
            for (View view : now) {
                assertEquals(answered / 5 * 5, view.over(), view.page() + " after " + answered + " answers");
            }
            if (answered == 4) {
                assertTrue(employer.get("/scans/" + scanId + "/result").body()
                        .contains("Uitkomsten worden pas getoond vanaf 5 antwoorden; er zijn er nog 1 nodig"));
            }
        }
        // Over the first five ("oneens" on everything): a positive statement scores 25, a negative one 75.
        // Cohesion (25 + 25 + 75 + 25) / 4 = 37.5 -> 38; colleagues (2 * 25 + 25 + 25 + 75) / 5 = 35.
        View atFive = seen.stream().filter(v -> v.page().equals("result") && v.over() == 5).findFirst().orElseThrow();
        assertTrue(atFive.figures().containsAll(List.of("(38)", "(35)")), atFive.toString());

        // Answering again from a device that answered is refused, and stores nothing.
        assertTrue(respond(first, link, "5").endsWith("outcome=ALREADY_ANSWERED"));
        assertEquals(12, stored(page));

        Http late = newDevice();
        String lateForm = Http.csrfOf(late.get(link).body());
        String csrf = Http.csrfOf(employer.get(page).body());
        assertEquals(303, employer.postForm(page + "/close", Map.of("_csrf", List.of(csrf))).statusCode());
        seen.addAll(views(page));
        assertEquals(10, stored(page), "the unfinished batch (answers 11 and 12) is erased at close");
        assertEquals(List.of(10, 10, 10, 10), views(page).stream().map(View::over).toList());
        // A closed pulse cannot be reopened, and takes no answer.
        assertEquals(404, employer.postForm(page + "/open", Map.of("_csrf", List.of(csrf))).statusCode());
        assertTrue(send(late, link, lateForm, "5").endsWith("outcome=CLOSED"), "a form opened before closing");
        assertTrue(late.get(link).body().contains("Deze teampuls is gesloten"));
        assertEquals(10, stored(page));

        // A second round for the same team: its own figures from its own five answers on, the first round's unchanged.
        String[] second = openPulse("Ochtendploeg");
        for (int i = 0; i < 4; i++) {
            respond(newDevice(), second[1], "4");
        }
        String result = block(employer.get("/scans/" + scanId + "/result").body());
        assertTrue(result.contains("ronde 2"), result);
        assertTrue(result.contains("er zijn er nog 1 nodig"), result);
        seen.addAll(views(page));

        for (View a : seen) {
            for (View b : seen) {
                if (a.page().equals(b.page()) && a.over() == b.over()) {
                    assertEquals(a.figures(), b.figures(), "two views over the same answers show the same figures");
                }
                int difference = Math.abs(a.over() - b.over());
                assertTrue(difference == 0 || difference >= 5, a + " and " + b + " differ by " + difference);
            }
        }
        // Someone without the scan's link sees none of it; a respondent's pages show no figures.
        Http stranger = newDevice();
        assertEquals(404, stranger.get("/scans/" + scanId + "/pulses").statusCode());
        assertEquals(404, stranger.get(page).statusCode());
        assertFalse(FIGURE.matcher(stranger.get(link).body()).find());
    }

    @Test
    void aTeamClearlyMoreNegativeThanTheEmployerGetsAdviceWhoseBecauseNamesThePulse() throws IOException {
        selfAssessmentAllGreen();
        String link = openPulse("Magazijn")[1];
        for (int i = 0; i < 5; i++) {
            respond(newDevice(), link, "3");
        }
        String result = employer.get("/scans/" + scanId + "/result").body();
        assertTrue(result.contains("Informatiebijeenkomst of training voor het team"), "the advice shows");
        assertTrue(result.contains("Team Magazijn (ronde 1, 5 antwoorden) geeft in de teampuls ‘Sociale cohesie in het"
                + " team’ een score van 50, tegen 100 in deze scan."), "its because names the pulse");
        try (PDDocument pdf = Loader.loadPDF(employer.getBytes("/scans/" + scanId + "/report.pdf").body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Wat het team zegt"), "the pulse block is in the PDF");
            assertTrue(text.contains("Team Magazijn (ronde 1, 5 antwoorden) geeft in de teampuls"), text);
        }
        // The export holds the figures, never a single response; deleting the scan deletes its pulses.
        String export = employer.get("/api/scans/" + scanId + "/export.json", "X-Scan-Token", token).body();
        assertTrue(export.contains("\"team\":\"Magazijn\"") && export.contains("\"shownOver\":5"), export);
        assertFalse(export.contains("pulse_response") || export.contains("batch"), export);
        String csrf = Http.csrfOf(employer.get("/scans/" + scanId + "/delete").body());
        assertEquals(200, employer.postForm("/scans/" + scanId + "/delete", Map.of("_csrf", List.of(csrf))).statusCode());
        assertEquals(0, database.count("SELECT COUNT(*) FROM pulse WHERE scan_id = ?", scanId));
        assertEquals(0, database.count("SELECT COUNT(*) FROM pulse_response WHERE pulse_id NOT IN (SELECT id FROM pulse)"));
        assertEquals(0, database.count("SELECT COUNT(*) FROM pulse_device WHERE pulse_id NOT IN (SELECT id FROM pulse)"));
    }

    @Test
    void answersAreRefusedIncompleteWithWhatWasChosenKept() {
        Http employerless = newDevice();
        try {
            selfAssessmentAllGreen();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String link = openPulse("Kantoor")[1];
        HttpResponse<String> page = employerless.get(link);
        assertTrue(page.body().contains("Schoonmaak De Eendracht"), "the page says who asks");
        HttpResponse<String> sent = employerless.postForm(link, Map.of("_csrf", List.of(Http.csrfOf(page.body())),
                "helpEachOther", List.of("4"), "explainAgain", List.of("9")));
        assertEquals(400, sent.statusCode());
        assertTrue(sent.body().contains("href=\"#explainAgain\""), "the summary links each statement left open");
        assertTrue(sent.body().matches("(?s).*id=\"helpEachOther-3\"[^>]*checked.*"), "the chosen answer stays");
        assertEquals(0, database.count("SELECT COUNT(*) FROM pulse_device"
                + " WHERE pulse_id IN (SELECT id FROM pulse WHERE team = 'Kantoor')"), "nothing half-saved");
    }

    private Map<String, Object> parse(String body) throws IOException {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }

    /**
     * A coach's site-visit scan: the coach opens the pulse through their login, an administrator sees the same
     * figures, the organisation's export holds them, and deleting the organisation deletes the pulse.
     */
    @Test
    void aCoachesPulseIsSeenAlikeByTheAdministratorAndGoesWithTheOrganisation() throws IOException {
        String coach = TestAccounts.newCoach(server.getURI(), "coach-wachtwoord-teampuls");
        Http api = new Http(server.getURI());
        long organisation = ((Number) parse(api.post("/api/organisations", "application/json",
                "{\"name\":\"Facilitair Noord\"}", "Authorization", Http.basic(coach, "coach-wachtwoord-teampuls"))
                .body()).get("id")).longValue();
        long site = ((Number) parse(api.post("/api/organisations/" + organisation + "/sites", "application/json",
                "{\"name\":\"Hal 2\",\"kind\":\"LOCATION\"}", "Authorization",
                Http.basic(coach, "coach-wachtwoord-teampuls")).body()).get("id")).longValue();
        employer = new Http(server.getURI());
        employer.login(coach, "coach-wachtwoord-teampuls");
        String page = employer.get("/coach/organisations/" + organisation).body();
        String scanPath = Http.location(employer.postForm("/coach/organisations/" + organisation + "/sites/" + site
                + "/scans", Map.of("_csrf", List.of(Http.csrfOf(page))))).replaceAll("^https?://[^/]+", "")
                .replace("/profile", "");
        scanId = Long.parseLong(scanPath.substring(scanPath.lastIndexOf('/') + 1));
        ScanAnswers.answerAll(server.getURI(), json, catalog.current(), scanId, ScanAnswers.newToken(database, scanId));
        String link = openPulse("Hal 2 avond")[1];
        for (int i = 0; i < 6; i++) {
            respond(newDevice(), link, "4");
        }
        String coachSees = block(employer.get(scanPath + "/result").body());
        assertTrue(coachSees.contains("De coach"), "the scan's own light is the coach's");
        Http admin = new Http(server.getURI());
        admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertEquals(view("coach", coachSees).figures(), view("admin", block(admin.get(scanPath + "/result").body()))
                .figures());
        assertEquals(5, view("admin", block(admin.get(scanPath + "/result").body())).over());

        String export = api.get("/api/organisations/" + organisation + "/export", "Authorization",
                Http.basic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD)).body();
        assertTrue(export.contains("\"team\":\"Hal 2 avond\"") && export.contains("\"shownOver\":5"), export);
        assertEquals(204, api.delete("/api/organisations/" + organisation, "Authorization",
                Http.basic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD)).statusCode());
        assertEquals(0, database.count("SELECT COUNT(*) FROM pulse WHERE scan_id = ?", scanId));
        assertEquals(0, database.count("SELECT COUNT(*) FROM pulse_answer WHERE response_id NOT IN"
                + " (SELECT id FROM pulse_response)"));
    }

    /** No pulse table has a column that could hold an address, a browser, a name, an e-mail or a time of day. */
    @Test
    void theSchemaStoresNothingIdentifyingNextToAnAnswer() {
        // Table, column and type, e.g. "pulse_response.batch integer".
        List<String> columns = database.rows("SELECT table_name || '.' || column_name, data_type"
                + " FROM information_schema.columns WHERE LOWER(table_name) LIKE 'pulse%'").stream()
                .map(c -> c.toLowerCase(Locale.ROOT)).toList();
        assertTrue(columns.size() >= 15, "all four pulse tables were read: " + columns);
        for (String column : columns) {
            assertFalse(column.matches(".*\\.(\\S*(ip|address|agent|browser|name|mail|time|_at)\\S*) .*"), column);
            assertFalse(column.contains("timestamp") || column.contains(" time"), column + ": finer than a day");
        }
    }
}
