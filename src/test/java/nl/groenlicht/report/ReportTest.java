package nl.groenlicht.report;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.Options;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The advice report (page and PDF), the exports, the action plan and the result API with advice. */
@MicronautTest(transactional = false)
class ReportTest {

    private static final String NAME = "Bakkerij <script>alert('x')</script> Daniëlle & Zoë";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    QuestionnaireCatalog catalog;
    @Inject
    Database database;

    private Questionnaire questionnaire;
    private Http http;
    private long scanId;
    private String token;

    @BeforeEach
    void scanWithARedSupervisor() throws IOException {
        questionnaire = catalog.current();
        http = new Http(server.getURI());
        HttpResponse<String> created = http.post("/api/scans", "application/json", json.writeValueAsString(Map.of(
                "mode", "SELF", "profile", Map.of("organisationName", NAME, "clientSites", "yes",
                        "publicTenders", "yes", "concerns", List.of("absence-risk")))));
        Map<String, Object> body = json.readValue(created.body(), Argument.mapOf(String.class, Object.class));
        scanId = ((Number) body.get("id")).longValue();
        token = (String) body.get("token");
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Section section : questionnaire.sections()) {
            for (Item item : section.scoredItems()) {
                answers.put(item.id(), section.id().equals("supervisor") ? Options.worst(item) : Options.best(item));
            }
        }
        answers.put("stimuliNote", "<b>Let op</b> de geluidsoverlast €");
        HttpResponse<String> saved = http.put("/api/scans/" + scanId + "/answers",
                json.writeValueAsString(Map.of("answers", answers)), "X-Scan-Token", token);
        assertEquals(200, saved.statusCode(), saved.body());
    }

    private HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void pdfReportShowsOrganisationVerdictSectionsAndAdvice() throws Exception {
        HttpResponse<byte[]> response = getBytes("/api/scans/" + scanId + "/report.pdf", "X-Scan-Token", token);
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(response.body(), 0, 4, StandardCharsets.US_ASCII));
        String text = pdfText(response.body());
        assertTrue(text.contains(NAME), "the organisation name, with its markup as text and ë: " + text.substring(0, 200));
        assertTrue(text.contains("Nog niet klaar"));
        questionnaire.sections().forEach(s -> assertTrue(text.contains(s.title().nl()), s.id()));
        for (String title : List.of("Harrie Helpt-training voor de leidinggevende", "No-riskpolis")) {
            assertTrue(text.toLowerCase().contains(title.toLowerCase()), title);
        }
        assertTrue(text.contains("€"), "the euro sign renders");
        assertTrue(text.contains("Let op:") && text.contains("UWV"), "the note to confirm amounts");
    }

    @Test
    void pdfInEnglishWithLangEn() throws Exception {
        String text = pdfText(getBytes("/api/scans/" + scanId + "/report.pdf?lang=en", "X-Scan-Token", token).body());
        assertTrue(text.contains("Workplace scan advice report"), text.substring(0, 200));
        assertTrue(text.contains("Not ready yet"));
    }

    @Test
    void reportPageEscapesUserTextAndOffersThePdf() throws Exception {
        Http browser = new Http(server.getURI());
        browser.get("/resume/" + token);
        HttpResponse<String> page = browser.get("/scans/" + scanId + "/report");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("<script>alert"));
        assertTrue(page.body().contains("Bakkerij &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(page.body().contains("href=\"/scans/" + scanId + "/report.pdf\""));
        HttpResponse<byte[]> pdf = getBytes("/scans/" + scanId + "/report.pdf");
        assertEquals(404, pdf.statusCode(), "the page-flow PDF needs the scan's cookie");
        HttpResponse<String> result = browser.get("/scans/" + scanId + "/result");
        assertTrue(result.body().contains("Harrie Helpt-training voor de leidinggevende"));
        assertTrue(result.body().contains("‘Leidinggevende’ staat op Rood"), "the advice says why");
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultApiListsAdviceWithReasonsRedFirst() throws Exception {
        HttpResponse<String> response = http.get("/api/scans/" + scanId + "/result?lang=en", "X-Scan-Token", token);
        Map<String, Object> result = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        List<Map<String, Object>> advice = (List<Map<String, Object>>) result.get("advice");
        Map<String, Object> harrie = advice.stream().filter(a -> "harrieHelptSupervisor".equals(a.get("id")))
                .findFirst().orElseThrow();
        assertEquals("TRAINING", harrie.get("category"));
        assertEquals(List.of("‘Supervisor’ is Red"), harrie.get("because"));
        List<String> ids = advice.stream().map(a -> (String) a.get("id")).toList();
        assertTrue(ids.contains("sroi") && ids.contains("noRiskPolis"), ids.toString());
        assertTrue(ids.indexOf("harrieHelptSupervisor") < ids.indexOf("sroi"), "red before general");
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsHoldProfileAnswersResultAdviceAndPlan() throws Exception {
        HttpResponse<String> exported = http.get("/api/scans/" + scanId + "/export.json", "X-Scan-Token", token);
        assertEquals(200, exported.statusCode());
        Map<String, Object> export = json.readValue(exported.body(), Argument.mapOf(String.class, Object.class));
        assertEquals(NAME, ((Map<String, Object>) export.get("profile")).get("organisationName"));
        assertEquals(List.of("absence-risk"), ((Map<String, Object>) export.get("profile")).get("concerns"));
        assertEquals("NOT_YET", ((Map<String, Object>) export.get("result")).get("readiness"));
        assertTrue(((Map<String, Object>) export.get("answers")).containsKey("supervisorTimeForGuidance"));
        assertFalse(((List<?>) export.get("advice")).isEmpty());
        assertEquals(List.of(), export.get("plan"));

        HttpResponse<String> csv = http.get("/api/scans/" + scanId + "/export.csv", "X-Scan-Token", token);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("section,item,question,answer,answer_label,score", lines.get(0));
        long answered = database.answers(scanId);
        assertEquals(answered, lines.size() - 1, "one row per stored answer");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("\"supervisor\",\"supervisorTimeForGuidance\",")
                && l.endsWith(",\"0\"")), "section, item, answer and score");

        assertEquals(404, http.get("/api/scans/" + scanId + "/export.csv", "X-Scan-Token", "wrong").statusCode());
        assertEquals(404, http.get("/api/scans/" + scanId + "/export.json").statusCode());
    }

    @Test
    void csvCellsCannotStartAFormula() {
        assertEquals("\"'=SUM(A1)\"", nl.groenlicht.report.web.CsvCells.cell("=SUM(A1)"));
        assertEquals("\"a \"\"quoted\"\" word\"", nl.groenlicht.report.web.CsvCells.cell("a \"quoted\" word"));
    }

    @Test
    void actionPlanIsSavedWithOwnerAndDateAndShownInTheReport() throws Exception {
        Http browser = new Http(server.getURI());
        browser.get("/resume/" + token);
        String path = "/scans/" + scanId + "/plan";
        HttpResponse<String> page = browser.get(path);
        assertEquals(200, page.statusCode());
        String csrf = Http.csrfOf(page.body());
        String version = planVersion(page.body());
        String date = LocalDate.now().plusMonths(2).toString();

        HttpResponse<String> missing = browser.postForm(path, Map.of("_csrf", List.of(csrf), "version", List.of(version),
                "include", List.of("harrieHelptSupervisor"), "owner-harrieHelptSupervisor", List.of(" "),
                "date-harrieHelptSupervisor", List.of("31-12-2027")));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("href=\"#owner-harrieHelptSupervisor\""));
        assertTrue(missing.body().contains("value=\"31-12-2027\""), "what was typed stays");
        assertEquals(0, database.count("SELECT COUNT(*) FROM plan_line WHERE scan_id = ?", scanId));

        HttpResponse<String> saved = browser.postForm(path, Map.of("_csrf", List.of(csrf), "version", List.of(version),
                "include", List.of("harrieHelptSupervisor", "sroi"),
                "owner-harrieHelptSupervisor", List.of("Teamleider <i>schoonmaak</i>"),
                "date-harrieHelptSupervisor", List.of(date),
                "owner-sroi", List.of("HR-adviseur"), "date-sroi", List.of(date)));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(2, database.count("SELECT COUNT(*) FROM plan_line WHERE scan_id = ?", scanId));

        String report = browser.get("/scans/" + scanId + "/report").body();
        assertTrue(report.contains("Teamleider &lt;i&gt;schoonmaak&lt;/i&gt;"));
        String pdf = pdfText(getBytes("/api/scans/" + scanId + "/report.pdf", "X-Scan-Token", token).body());
        // The narrow table cell may break the line after "<".
        assertTrue(pdf.contains("Teamleider <i>schoonmaak<"), "the plan is in the PDF, markup as text");

        HttpResponse<String> forged = browser.postForm(path, Map.of("include", List.of("sroi")));
        assertEquals(403, forged.statusCode());
        assertEquals(2, database.count("SELECT COUNT(*) FROM plan_line WHERE scan_id = ?", scanId));
        assertEquals(404, new Http(server.getURI()).get(path).statusCode(), "another browser has no access");
    }

    private static String planVersion(String page) {
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertTrue(version.find(), "the plan form carries its version");
        return version.group(1);
    }

    @Test
    void ofTwoTabsSavingThePlanTheStaleOneIsToldAndNothingIsLost() {
        Http browser = new Http(server.getURI());
        browser.get("/resume/" + token);
        String path = "/scans/" + scanId + "/plan";
        String firstTab = browser.get(path).body();
        String secondTab = browser.get(path).body();
        String date = LocalDate.now().plusMonths(1).toString();

        assertEquals(303, browser.postForm(path, Map.of("_csrf", List.of(Http.csrfOf(firstTab)),
                "version", List.of(planVersion(firstTab)), "include", List.of("sroi"),
                "owner-sroi", List.of("Eerste tabblad"), "date-sroi", List.of(date))).statusCode());

        HttpResponse<String> stale = browser.postForm(path, Map.of("_csrf", List.of(Http.csrfOf(secondTab)),
                "version", List.of(planVersion(secondTab)), "include", List.of("sroi"),
                "owner-sroi", List.of("Tweede tabblad"), "date-sroi", List.of(date)));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("Iemand anders heeft het actieplan opgeslagen"), "a clear message");
        assertTrue(stale.body().contains("value=\"Tweede tabblad\""), "what was typed stays");
        assertEquals(1, database.count("SELECT COUNT(*) FROM plan_line WHERE scan_id = ? AND owner = 'Eerste tabblad'",
                scanId), "the first save is kept");

        HttpResponse<String> again = browser.postForm(path, Map.of("_csrf", List.of(Http.csrfOf(stale.body())),
                "version", List.of(planVersion(stale.body())), "include", List.of("sroi"),
                "owner-sroi", List.of("Tweede tabblad"), "date-sroi", List.of(date)));
        assertEquals(303, again.statusCode(), "saving again on purpose replaces it");
        assertEquals(1, database.count("SELECT COUNT(*) FROM plan_line WHERE scan_id = ? AND owner = 'Tweede tabblad'",
                scanId));
    }
}
