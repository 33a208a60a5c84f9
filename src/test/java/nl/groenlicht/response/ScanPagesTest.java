package nl.groenlicht.response;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.groenlicht.support.Options.best;
import static nl.groenlicht.support.Options.worst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self-assessment through the HTML pages, as a browser without JavaScript goes through it. */
@MicronautTest(transactional = false)
class ScanPagesTest {

    private static final Pattern SCAN_ID = Pattern.compile("/scans/(\\d+)/");

    @Inject
    EmbeddedServer server;
    @Inject
    QuestionnaireCatalog catalog;
    @Inject
    Database database;

    private Http browser;
    private Questionnaire questionnaire;

    @BeforeEach
    void setUp() {
        browser = new Http(server.getURI());
        questionnaire = catalog.current();
    }

    private static Map<String, List<String>> form(String csrf, String... pairs) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("_csrf", List.of(csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return fields;
    }

    /** Fills in the profile page; returns the new scan's id. */
    private long startScan(String organisationName, String clientSites) {
        HttpResponse<String> page = browser.get("/scans/new");
        assertEquals(200, page.statusCode());
        HttpResponse<String> created = browser.postForm("/scans", form(Http.csrfOf(page.body()),
                "organisationName", organisationName, "sector", "care-welfare", "clientSites", clientSites,
                "concerns", "costs", "concerns", "absence-risk", "action", "next"));
        assertEquals(303, created.statusCode(), created.body());
        Matcher m = SCAN_ID.matcher(Http.location(created));
        assertTrue(m.find(), Http.location(created));
        return Long.parseLong(m.group(1));
    }


    private HttpResponse<String> submitSection(long scanId, Section section, Map<String, String> answers, String action) {
        String path = "/scans/" + scanId + "/sections/" + section.id();
        HttpResponse<String> page = browser.get(path);
        assertEquals(200, page.statusCode());
        Map<String, List<String>> fields = form(Http.csrfOf(page.body()), "action", action);
        answers.forEach((k, v) -> fields.put(k, List.of(v)));
        return browser.postForm(path, fields);
    }

    @Test
    void completeSelfAssessmentWithBestAnswersIsReady() {
        HttpResponse<String> start = browser.get("/");
        assertEquals(200, start.statusCode());
        assertTrue(start.body().contains("href=\"/scans/new\""));

        long scanId = startScan("Groen & Co", "yes");
        HttpResponse<String> saved = browser.get("/scans/" + scanId + "/saved");
        assertTrue(saved.body().contains("/resume/"), "shows the private resume link");

        String next = "/scans/" + scanId + "/sections/" + questionnaire.sections().get(0).id();
        int step = 2;
        for (Section section : questionnaire.sections()) {
            String path = "/scans/" + scanId + "/sections/" + section.id();
            assertEquals(path, next, "next page after the previous section");
            HttpResponse<String> page = browser.get(path);
            assertTrue(page.body().contains("Stap " + step + " van 8"), "progress on " + section.id());
            Map<String, String> answers = new LinkedHashMap<>();
            section.scoredItems().forEach(item -> answers.put(item.id(), best(item)));
            HttpResponse<String> submitted = submitSection(scanId, section, answers, "next");
            assertEquals(303, submitted.statusCode(), submitted.body());
            next = Http.location(submitted);
            step++;
        }
        assertEquals("/scans/" + scanId + "/result", next);
        HttpResponse<String> result = browser.get(next);
        assertEquals(200, result.statusCode());
        assertTrue(result.body().contains("Klaar: alle lichten staan op groen"), result.body());
        assertEquals(questionnaire.sections().size(), count(result.body(), "light light--green\""),
                "every section green in the table and in its own part");
        assertTrue(result.body().contains("Groen &amp; Co"));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        // The table and the section detail both show each light.
        return n / 2;
    }

    /**
     * Two tabs (one per section, the same session) each open their section, then all save at once, three times over
     * with other answers: every save is answered with the next page and every answer of the last round is stored.
     */
    @Test
    void tabsSavingTheSameScanAtOnceKeepEveryAnswer() throws Exception {
        long scanId = startScan("Tabbladen BV", "yes");
        ExecutorService tabs = Executors.newFixedThreadPool(questionnaire.sections().size());
        try {
            for (int round = 0; round < 3; round++) {
                boolean bestAnswers = round % 2 == 0;
                Map<Section, Map<String, List<String>>> forms = new LinkedHashMap<>();
                for (Section section : questionnaire.sections()) {
                    String path = "/scans/" + scanId + "/sections/" + section.id();
                    Map<String, List<String>> fields = form(Http.csrfOf(browser.get(path).body()), "action", "next");
                    section.scoredItems().forEach(item -> fields.put(item.id(),
                            List.of(bestAnswers ? best(item) : worst(item))));
                    forms.put(section, fields);
                }
                List<Future<HttpResponse<String>>> saves = new ArrayList<>();
                forms.forEach((section, fields) -> saves.add(tabs.submit(() ->
                        browser.postForm("/scans/" + scanId + "/sections/" + section.id(), fields))));
                for (Future<HttpResponse<String>> save : saves) {
                    HttpResponse<String> response = save.get();
                    assertEquals(303, response.statusCode(), response.body());
                }
                for (Section section : questionnaire.sections()) {
                    for (Item item : section.scoredItems()) {
                        assertEquals(1, database.count("SELECT COUNT(*) FROM answer WHERE scan_id = ? AND item_id = ? "
                                + "AND answer_value = ?", scanId, item.id(), bestAnswers ? best(item) : worst(item)),
                                "round " + round + ": " + item.id());
                    }
                }
            }
        } finally {
            tabs.shutdown();
        }
    }

    @Test
    void knockoutAnswerShowsRedAndNotYet() {
        long scanId = startScan("Rood BV", "no");
        for (Section section : questionnaire.sections()) {
            Map<String, String> answers = new LinkedHashMap<>();
            section.scoredItems().forEach(item -> answers.put(item.id(),
                    section.id().equals("supervisor") && !item.knockoutValues().isEmpty()
                            ? item.knockoutValues().iterator().next() : best(item)));
            submitSection(scanId, section, answers, "next");
        }
        String result = browser.get("/scans/" + scanId + "/result").body();
        assertTrue(result.contains("Nog niet klaar"), result);
        assertTrue(result.contains("light light--red"));
        assertTrue(result.contains("Eerst oplossen"), "the knock-out is named as the reason");
        assertTrue(result.contains("Niet van toepassing"), "client section without client sites");
    }

    @Test
    void backAndNextKeepAnswers() {
        long scanId = startScan("Terug BV", "yes");
        Section first = questionnaire.sections().get(0);
        Section second = questionnaire.sections().get(1);
        Item item = first.scoredItems().get(0);
        HttpResponse<String> next = submitSection(scanId, first, Map.of(item.id(), "4", first.id() + "Note", "Rustige hoek bij het raam"), "next");
        assertEquals("/scans/" + scanId + "/sections/" + second.id(), Http.location(next));
        HttpResponse<String> back = submitSection(scanId, second, Map.of(), "back");
        assertEquals("/scans/" + scanId + "/sections/" + first.id(), Http.location(back));
        String page = browser.get(Http.location(back)).body();
        assertTrue(page.contains("name=\"" + item.id() + "\" value=\"4\" checked"), "the chosen answer is still chosen");
        assertTrue(page.contains("Rustige hoek bij het raam</textarea>"));
        HttpResponse<String> toProfile = submitSection(scanId, first, Map.of(), "back");
        assertEquals("/scans/" + scanId + "/profile", Http.location(toProfile));
        assertTrue(browser.get("/scans/" + scanId + "/profile").body().contains("value=\"Terug BV\""));
    }

    @Test
    void missingOrganisationNameRerendersTheFormWithWhatWasTypedAndStoresNothing() {
        long scansBefore = database.count("SELECT COUNT(*) FROM scan");
        HttpResponse<String> page = browser.get("/scans/new");
        HttpResponse<String> response = browser.postForm("/scans", form(Http.csrfOf(page.body()),
                "organisationName", "   ", "sector", "care-welfare", "action", "next"));
        assertEquals(400, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("Er is een probleem"), "error summary");
        assertTrue(body.contains("href=\"#organisationName\""), "summary links to the field");
        assertTrue(body.contains("id=\"organisationName-error\""), "message next to the field");
        assertTrue(body.contains("value=\"care-welfare\" checked"), "the sector chosen is kept");
        assertTrue(body.contains("<title>Fout:"), "the title says there is an error");
        assertEquals(scansBefore, database.count("SELECT COUNT(*) FROM scan"));
    }

    @Test
    void tooLongNoteIsRefusedAndTheTypedTextKept() {
        long scanId = startScan("Lang BV", "yes");
        Section first = questionnaire.sections().get(0);
        long before = database.answers(scanId);
        String typed = "woord ".repeat(400);
        HttpResponse<String> response = submitSection(scanId, first,
                Map.of(first.scoredItems().get(0).id(), "5", first.id() + "Note", typed), "next");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("maximaal 2000 tekens"));
        assertTrue(response.body().contains(typed.strip()), "what the user typed is still there");
        assertEquals(before, database.answers(scanId), "nothing of the page was stored");
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        long scansBefore = database.count("SELECT COUNT(*) FROM scan");
        browser.get("/scans/new");
        HttpResponse<String> response = browser.postForm("/scans", Map.of("organisationName", List.of("Zonder BV")));
        assertEquals(403, response.statusCode());
        HttpResponse<String> wrong = browser.postForm("/scans",
                form("forged-token-forged-token-forged-token", "organisationName", "Vals BV"));
        assertEquals(403, wrong.statusCode());
        assertEquals(scansBefore, database.count("SELECT COUNT(*) FROM scan"));
        assertFalse(response.body().contains("Exception"));
    }

    @Test
    void userTextIsEscaped() {
        long scanId = startScan("<script>alert('x')</script>", "yes");
        String result = browser.get("/scans/" + scanId + "/result").body();
        assertFalse(result.contains("<script>alert"), "raw markup from the user");
        assertTrue(result.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        String profile = browser.get("/scans/" + scanId + "/profile").body();
        assertFalse(profile.contains("<script>alert"));
    }

    @Test
    void resumeLinkOpensTheScanInAnotherBrowserAndOnlyThere() {
        long scanId = startScan("Later BV", "yes");
        String saved = browser.get("/scans/" + scanId + "/saved").body();
        Matcher link = Pattern.compile("value=\"https?://[^/]+(/resume/[A-Za-z0-9_-]+)\"").matcher(saved);
        assertTrue(link.find(), saved);
        String token = link.group(1).substring("/resume/".length());
        assertTrue(token.length() >= 22, "at least 128 random bits: " + token.length() + " base64 characters");

        Http stranger = new Http(server.getURI());
        assertEquals(404, stranger.get("/scans/" + scanId + "/result").statusCode(), "no cookie, no access");

        Http laptop = new Http(server.getURI());
        HttpResponse<String> resumed = laptop.get(link.group(1));
        assertEquals(303, resumed.statusCode());
        assertEquals("/scans/" + scanId, Http.location(resumed));
        HttpResponse<String> continued = laptop.get("/scans/" + scanId);
        assertEquals("/scans/" + scanId + "/sections/" + questionnaire.sections().get(0).id(), Http.location(continued));
        assertTrue(laptop.get("/scans/" + scanId + "/result").body().contains("Later BV"));

        assertEquals(404, laptop.get("/resume/" + "A".repeat(43)).statusCode());
    }

    /** Without a configured public address the link names the host the browser asked for, never a forwarded one. */
    @Test
    void theResumeLinkIgnoresForwardedHosts() {
        long scanId = startScan("Doorgestuurd BV", "yes");
        String saved = browser.get("/scans/" + scanId + "/saved", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https", "Forwarded", "host=evil2.example;proto=https").body();
        Matcher link = Pattern.compile("value=\"(https?://[^/]+)/resume/").matcher(saved);
        assertTrue(link.find(), saved);
        assertEquals("http://" + server.getHost() + ":" + server.getPort(), link.group(1));
    }

    @Test
    void englishIsSelectableAndRemembered() {
        HttpResponse<String> english = browser.get("/?lang=en");
        assertTrue(english.body().contains("<html lang=\"en\">"));
        assertTrue(english.body().contains("Start the scan"));
        HttpResponse<String> profile = browser.get("/scans/new");
        assertTrue(profile.body().contains("About your organisation"), "the choice is remembered");
        assertTrue(profile.body().contains(questionnaire.profile().get(0).text().en()));
        HttpResponse<String> dutch = browser.get("/scans/new?lang=nl");
        assertTrue(dutch.body().contains("<html lang=\"nl\">"));
        assertTrue(dutch.body().contains("Over uw organisatie"));
    }

    @Test
    void unknownPagesAndOtherScansAreAPlain404() {
        long scanId = startScan("Eigen BV", "yes");
        for (String path : List.of("/nothing", "/scans/" + (scanId + 1000) + "/result", "/scans/abc/result",
                "/scans/-5/sections/stimuli", "/scans/" + scanId + "/sections/nonexistent")) {
            HttpResponse<String> response = browser.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("Pagina niet gevonden"), path);
        }
    }

    @Test
    void pagesSendSecurityHeaders() {
        HttpResponse<String> response = browser.get("/scans/new");
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("gl_csrf=") && c.contains("HTTPOnly")), cookies.toString());
    }
}
