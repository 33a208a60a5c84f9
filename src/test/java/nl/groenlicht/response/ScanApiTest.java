package nl.groenlicht.response;

import io.micronaut.core.type.Argument;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ScanApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    QuestionnaireCatalog catalog;
    @Inject
    Database database;
    @Inject
    AbandonedSelfAssessments retention;
    @Inject
    ScanService scans;
    @Inject
    HttpServerConfiguration serverConfiguration;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(server.getURI());
    }

    private Map<String, Object> parse(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Started(long id, String token) {
    }

    private Started start(String organisationName) {
        HttpResponse<String> response = http.post("/api/scans", "application/json",
                write(Map.of("mode", "SELF", "profile", Map.of("organisationName", organisationName, "clientSites", "yes"))));
        assertEquals(201, response.statusCode(), response.body());
        Map<String, Object> body = parse(response);
        return new Started(((Number) body.get("id")).longValue(), (String) body.get("token"));
    }

    private HttpResponse<String> putAnswers(Started scan, Map<String, Object> answers) {
        return http.put("/api/scans/" + scan.id() + "/answers", write(Map.of("answers", answers)),
                "X-Scan-Token", scan.token());
    }

    private Map<String, Object> result(Started scan) {
        HttpResponse<String> response = http.get("/api/scans/" + scan.id() + "/result", "X-Scan-Token", scan.token());
        assertEquals(200, response.statusCode(), response.body());
        return parse(response);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> result, String id) {
        return ((List<Map<String, Object>>) result.get("sections")).stream()
                .filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
    }

    /** The highest-scoring option of every scored item, read from the API's own questionnaire. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> bestAnswersFromApi() {
        Map<String, Object> questionnaire = parse(http.get("/api/questionnaire"));
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Map<String, Object> section : (List<Map<String, Object>>) questionnaire.get("sections")) {
            for (Map<String, Object> item : (List<Map<String, Object>>) section.get("items")) {
                if (Boolean.TRUE.equals(item.get("scored"))) {
                    Map<String, Object> best = ((List<Map<String, Object>>) item.get("options")).stream()
                            .filter(o -> o.get("score") != null)
                            .max(Comparator.comparingInt(o -> ((Number) o.get("score")).intValue())).orElseThrow();
                    answers.put((String) item.get("id"), best.get("value"));
                }
            }
        }
        return answers;
    }

    @Test
    @SuppressWarnings("unchecked")
    void questionnaireHasTheDocumentedShapeInBothLanguages() {
        Map<String, Object> nl = parse(http.get("/api/questionnaire"));
        Map<String, Object> en = parse(http.get("/api/questionnaire?lang=en"));
        assertEquals("werkplekscan", nl.get("id"));
        assertEquals(catalog.current().version(), ((Number) nl.get("version")).intValue(), "the newest version");
        Map<String, Object> firstSectionNl = ((List<Map<String, Object>>) nl.get("sections")).get(0);
        Map<String, Object> firstSectionEn = ((List<Map<String, Object>>) en.get("sections")).get(0);
        assertEquals("stimuli", firstSectionNl.get("id"));
        assertEquals("Werkplek en prikkels", firstSectionNl.get("title"));
        assertFalse(firstSectionNl.get("title").equals(firstSectionEn.get("title")));

        Map<String, Object> scored = ((List<Map<String, Object>>) firstSectionNl.get("items")).get(0);
        assertEquals(List.of("id", "text", "type", "scored", "options"), List.copyOf(scored.keySet()));
        assertEquals(true, scored.get("scored"));
        Map<String, Object> option = ((List<Map<String, Object>>) scored.get("options")).get(0);
        assertEquals(List.of("value", "label", "score", "knockout"), List.copyOf(option.keySet()));

        Map<String, Object> name = ((List<Map<String, Object>>) nl.get("profile")).stream()
                .filter(i -> "organisationName".equals(i.get("id"))).findFirst().orElseThrow();
        assertEquals("TEXT", name.get("type"));
        assertEquals(false, name.get("scored"));
        assertEquals(List.of(), name.get("options"));
        Map<String, Object> concerns = ((List<Map<String, Object>>) nl.get("profile")).stream()
                .filter(i -> "concerns".equals(i.get("id"))).findFirst().orElseThrow();
        assertEquals("MULTI", concerns.get("type"));
        Map<String, Object> unscoredOption = ((List<Map<String, Object>>) concerns.get("options")).get(0);
        assertTrue(unscoredOption.containsKey("score"));
        assertNull(unscoredOption.get("score"));
    }

    @Test
    void bestAnswersGiveReadyWithEverySectionGreen() {
        Started scan = start("Groen BV");
        Map<String, Object> best = bestAnswersFromApi();
        HttpResponse<String> saved = putAnswers(scan, best);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(best.size(), ((Number) parse(saved).get("saved")).intValue());

        Map<String, Object> result = result(scan);
        assertEquals("READY", result.get("readiness"));
        assertEquals(Map.of("id", "werkplekscan", "version", catalog.current().version()), result.get("questionnaire"),
                "a new scan uses the newest questionnaire version");
        for (String id : List.of("stimuli", "cohesion", "colleagues", "supervisor", "client", "work", "motivation")) {
            assertEquals("GREEN", section(result, id).get("light"), id);
            assertEquals(100, ((Number) section(result, id).get("score")).intValue(), id);
        }
    }

    @Test
    void oneKnockoutMakesItsSectionRedAndReadinessNotYet() {
        Questionnaire questionnaire = catalog.current();
        Item knockoutItem = questionnaire.section("supervisor").orElseThrow().items().stream()
                .filter(i -> !i.knockoutValues().isEmpty()).findFirst().orElseThrow();
        String knockoutValue = knockoutItem.knockoutValues().iterator().next();

        Started scan = start("Rood BV");
        Map<String, Object> answers = bestAnswersFromApi();
        answers.put(knockoutItem.id(), knockoutValue);
        assertEquals(200, putAnswers(scan, answers).statusCode());

        Map<String, Object> result = result(scan);
        assertEquals("NOT_YET", result.get("readiness"));
        Map<String, Object> supervisor = section(result, "supervisor");
        assertEquals("RED", supervisor.get("light"));
        @SuppressWarnings("unchecked")
        Map<String, Object> reason = ((List<Map<String, Object>>) supervisor.get("reasons")).get(0);
        assertEquals("KNOCKOUT", reason.get("kind"));
        assertEquals(knockoutItem.id(), reason.get("item"));
        assertEquals("GREEN", section(result, "stimuli").get("light"));
    }

    @Test
    void laterAnswersReplaceEarlierOnes() {
        Started scan = start("Wissel BV");
        assertEquals(200, putAnswers(scan, Map.of("stimuliQuietRetreat", "1")).statusCode());
        assertEquals(200, putAnswers(scan, Map.of("stimuliQuietRetreat", "5")).statusCode());
        assertEquals(3, database.answers(scan.id()), "organisationName, clientSites and one answer");
        Map<String, Object> stimuli = section(result(scan), "stimuli");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) stimuli.get("reasons");
        assertTrue(reasons.stream().noneMatch(r -> "stimuliQuietRetreat".equals(r.get("item"))
                && "LOW_SCORE".equals(r.get("kind"))), reasons.toString());
    }

    /**
     * A save writes only the answers and section lights it changed; the lights the dashboard and comparisons read
     * must still be those the result shows, after answers are changed, knocked out and cleared in any order.
     */
    @Test
    void storedLightsAndVerdictFollowEverySave() {
        Questionnaire questionnaire = catalog.current();
        Random random = new Random(20261123);
        Started scan = start("Wisselvallig BV");
        for (int save = 0; save < 40; save++) {
            Section section = questionnaire.sections().get(random.nextInt(questionnaire.sections().size()));
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Item item : section.items()) {
                int pick = random.nextInt(item.options().size() + 2);
                if (pick < item.options().size()) {
                    answers.put(item.id(), item.options().get(pick).value());
                } else if (pick == item.options().size()) {
                    answers.put(item.id(), List.of());
                }
            }
            assertEquals(200, putAnswers(scan, answers).statusCode());

            Map<String, Object> result = result(scan);
            Map<String, SectionScore> stored = scans.sectionScores(List.of(scan.id())).get(scan.id());
            for (Section shown : questionnaire.sections()) {
                Map<String, Object> light = section(result, shown.id());
                SectionScore kept = stored.get(shown.id());
                assertEquals(light.get("light"), kept.light().name(), "save " + save + ", " + shown.id());
                assertEquals(light.get("score") == null ? null : ((Number) light.get("score")).intValue(),
                        kept.score(), "save " + save + ", " + shown.id());
            }
            assertEquals(1, database.count("SELECT COUNT(*) FROM scan WHERE id = ? AND readiness = ?", scan.id(),
                    result.get("readiness")), "save " + save);
        }
    }

    @Test
    void answersToSkippedItemsAreAcceptedAndIgnored() {
        Started scan = start("Overslaan BV");
        Map<String, Object> answers = bestAnswersFromApi();
        answers.put("clientSites", "no");
        answers.put("clientOpenness", "1");
        HttpResponse<String> saved = putAnswers(scan, answers);
        assertEquals(200, saved.statusCode(), saved.body());
        Map<String, Object> result = result(scan);
        assertEquals("NOT_APPLICABLE", section(result, "client").get("light"));
        assertEquals("READY", result.get("readiness"));
    }

    @Test
    void multiAnswersAreArraysAndStoredWhole() {
        Started scan = start("Zorgen BV");
        assertEquals(200, putAnswers(scan, Map.of("concerns", List.of("costs", "absence-risk"))).statusCode());
        HttpResponse<String> refused = putAnswers(scan, Map.of("concerns", List.of("costs", 7)));
        assertEquals(400, refused.statusCode());
    }

    @Test
    void wrongAnswerRefusesTheWholeRequestAndStoresNothing() {
        Started scan = start("Fout BV");
        long before = database.answers(scan.id());
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("stimuliQuietRetreat", "5");
        answers.put("noSuchItem", "5");
        answers.put("stimuliReduceStimuli", "9");
        HttpResponse<String> response = putAnswers(scan, answers);
        assertEquals(400, response.statusCode());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) parse(response).get("errors");
        assertEquals(List.of("noSuchItem", "stimuliReduceStimuli"), errors.stream().map(e -> e.get("item")).toList());
        errors.forEach(e -> assertFalse(((String) e.get("message")).isBlank()));
        assertEquals(before, database.answers(scan.id()));
    }

    @Test
    void badBodiesGetAClearJsonMessageNeverA500() {
        Started scan = start("Body BV");
        long before = database.answers(scan.id());
        String path = "/api/scans/" + scan.id() + "/answers";
        List<String> bodies = List.of("", "{", "not json", "[]", "42", "{\"answers\": 5}", "{\"answers\": null}",
                "{\"answers\": {\"stimuliQuietRetreat\": 5}}", "{\"answers\": {\"stimuliQuietRetreat\": {\"a\": 1}}}",
                "{\"answers\": {\"stimuliNote\": \"nul\\u0000byte\"}}", "{\"answers\": {\"stimuliQuietRetreat\": \"5\"}} trailing");
        for (String body : bodies) {
            HttpResponse<String> response = http.put(path, body, "X-Scan-Token", scan.token());
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertJsonError(response);
        }
        assertEquals(before, database.answers(scan.id()));
    }

    @Test
    void tooLongTextIsRefused() {
        Started scan = start("Lang BV");
        HttpResponse<String> response = putAnswers(scan, Map.of("stimuliNote", "x".repeat(2001)));
        assertEquals(400, response.statusCode());
        assertEquals(200, putAnswers(scan, Map.of("stimuliNote", "x".repeat(2000))).statusCode());
    }

    private static Map<String, Object> unknownItems(int count) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            answers.put("unknown" + i, "x");
        }
        return answers;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> errors(HttpResponse<String> response) {
        return (List<Map<String, Object>>) parse(response).get("errors");
    }

    @Test
    void farMoreAnswersThanTheQuestionnaireHasQuestionsGetOneShortRefusal() {
        Started scan = start("Veel BV");
        HttpResponse<String> response = putAnswers(scan, unknownItems(5_000));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().length() < 500, "one message, not one per item: " + response.body().length() + " bytes");
        List<Map<String, Object>> errors = errors(response);
        assertEquals(1, errors.size());
        assertTrue(((String) errors.get(0).get("message")).startsWith("Too many answers in one request"), response.body());
        assertEquals(2, database.answers(scan.id()), "only the two profile answers from the start");
    }

    @Test
    void manyWrongAnswersListTheFirstFiftyAndCountTheRest() {
        Started scan = start("Fout BV");
        HttpResponse<String> response = putAnswers(scan, unknownItems(60));
        assertEquals(400, response.statusCode());
        List<Map<String, Object>> errors = errors(response);
        assertEquals(51, errors.size(), response.body());
        assertEquals("unknown0", errors.get(0).get("item"));
        assertEquals("unknown49", errors.get(49).get("item"));
        assertNull(errors.get(50).get("item"));
        assertEquals("And 10 more answers were refused.", errors.get(50).get("message"));
    }

    /** SlowClientsTest shows that the idle timeout closes a silent connection; this is the one the portal ships with. */
    @Test
    void aSilentConnectionIsClosedWithinHalfAMinute() {
        Duration idle = serverConfiguration.getIdleTimeout();
        assertTrue(!idle.isNegative() && !idle.isZero() && idle.compareTo(Duration.ofSeconds(30)) <= 0, idle.toString());
    }

    /** Sends a PUT whose body arrives well after its headers, as from a slow client; returns the status line. */
    private String putSlowly(String path, String token, byte[] body) throws IOException, InterruptedException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Scan-Token: " + token + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The pause is the slow network itself, not a wait for the server.
            Thread.sleep(300);
            out.write(body);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    /**
     * A slow client (the body arrives after the headers, as on a bad mobile connection) is answered like any other.
     * Micronaut's streaming server once looped without end on a refused one, never answering and filling the heap.
     */
    @Test
    void answersWhoseBodyArrivesLateAreAnsweredAndSaved() throws IOException, InterruptedException {
        Started scan = start("Traag BV");
        byte[] body = write(Map.of("answers", Map.of("stimuliNote", "traag netwerk"))).getBytes(StandardCharsets.UTF_8);
        String path = "/api/scans/" + scan.id() + "/answers";
        assertEquals("HTTP/1.1 404 Not Found", putSlowly(path, "not-the-token", body));
        assertEquals("HTTP/1.1 200 OK", putSlowly(path, scan.token(), body));
        assertEquals(1, database.count("SELECT COUNT(*) FROM answer WHERE scan_id = ? AND item_id = 'stimuliNote'",
                scan.id()));
    }

    /**
     * The server refuses a body over 256 KB from its Content-Length and closes the connection. The client asks first
     * (Expect: 100-continue), as large uploads do, so that it reads the answer instead of writing into a closed socket.
     */
    @Test
    void bodyOverTheLimitIsRefused() throws IOException, InterruptedException {
        Started scan = start("Groot BV");
        String huge = "{\"answers\": {\"stimuliNote\": \"" + "x".repeat(300_000) + "\"}}";
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(server.getURI().resolve("/api/scans/" + scan.id() + "/answers"))
                        .expectContinue(true).header("Content-Type", "application/json")
                        .header("X-Scan-Token", scan.token()).PUT(HttpRequest.BodyPublishers.ofString(huge)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertFalse(response.body().contains("Exception"), response.body());
        assertEquals(2, database.answers(scan.id()), "nothing of it stored");
    }

    /** The largest real request: every note at its longest, each character written as a JSON escape (98 KB). */
    @Test
    void theLargestRealAnswersFitUnderTheLimit() {
        Started scan = start("Volledig BV");
        String note = "\\u20ac".repeat(AnswerValidator.MAX_TEXT_LENGTH);
        List<String> notes = catalog.current().sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.type() == AnswerType.TEXT).map(i -> "\"" + i.id() + "\":\"" + note + "\"").toList();
        String body = "{\"answers\":{" + String.join(",", notes) + "}}";
        assertTrue(body.length() > 80_000, body.length() + " bytes");
        HttpResponse<String> response = http.put("/api/scans/" + scan.id() + "/answers", body, "X-Scan-Token", scan.token());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2 + notes.size(), database.answers(scan.id()));
    }

    @Test
    void startRefusesAMissingNameOrWrongModeAndStoresNothing() {
        long scansBefore = database.count("SELECT COUNT(*) FROM scan");
        List<String> bodies = List.of("{\"mode\":\"SELF\",\"profile\":{}}",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"   \"}}",
                "{\"mode\":\"BOSS\",\"profile\":{\"organisationName\":\"A\"}}",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"A\",\"stimuliQuietRetreat\":\"5\"}}",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"A\",\"sector\":\"mars\"}}",
                "{\"mode\":\"SELF\"}", "{}", "nope");
        for (String body : bodies) {
            HttpResponse<String> response = http.post("/api/scans", "application/json", body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertJsonError(response);
        }
        assertEquals(scansBefore, database.count("SELECT COUNT(*) FROM scan"));
    }

    @Test
    void wrongTokenOrUnknownIdIs404WithoutSayingTheScanExists() {
        Started scan = start("Geheim BV");
        Started other = start("Ander BV");
        List<HttpResponse<String>> responses = List.of(
                http.get("/api/scans/" + scan.id() + "/result"),
                http.get("/api/scans/" + scan.id() + "/result", "X-Scan-Token", "wrong"),
                http.get("/api/scans/" + scan.id() + "/result", "X-Scan-Token", other.token()),
                http.get("/api/scans/999999999/result", "X-Scan-Token", scan.token()),
                http.get("/api/scans/-1/result", "X-Scan-Token", scan.token()),
                http.get("/api/scans/abc/result", "X-Scan-Token", scan.token()),
                http.get("/api/scans/99999999999999999999999/result", "X-Scan-Token", scan.token()),
                http.put("/api/scans/" + scan.id() + "/answers", "{\"answers\":{}}", "X-Scan-Token", other.token()));
        String first = responses.get(0).body();
        for (HttpResponse<String> response : responses) {
            assertEquals(404, response.statusCode(), response.uri() + " " + response.body());
            assertEquals(first, response.body(), "the same answer whether or not the scan exists");
        }
    }

    @Test
    void abandonedAnonymousSelfAssessmentsAreDeletedAfterTheRetentionPeriod() {
        Started abandoned = start("Vergeten BV");
        Started finished = start("Klaar BV");
        assertEquals(200, putAnswers(finished, bestAnswersFromApi()).statusCode());
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(100)));
        database.update("UPDATE scan SET updated_at = ? WHERE id IN (?, ?)", longAgo, abandoned.id(), finished.id());

        retention.purgeUntouchedSince(Instant.now().minus(Duration.ofDays(90)));

        assertEquals(0, database.count("SELECT COUNT(*) FROM scan WHERE id = ?", abandoned.id()));
        assertEquals(0, database.answers(abandoned.id()), "its answers go with it");
        assertEquals(1, database.count("SELECT COUNT(*) FROM scan WHERE id = ?", finished.id()),
                "a finished scan is kept");
    }

    @Test
    void unknownApiPathIsAJson404() {
        HttpResponse<String> response = http.get("/api/nothing-here");
        assertEquals(404, response.statusCode());
        assertJsonError(response);
    }

    @SuppressWarnings("unchecked")
    private void assertJsonError(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) parse(response).get("errors");
        assertNotNull(errors, response.body());
        assertFalse(errors.isEmpty());
        String body = response.body();
        assertFalse(body.contains("Exception") || body.contains("nl.groenlicht") || body.contains("\tat "), body);
    }

}
