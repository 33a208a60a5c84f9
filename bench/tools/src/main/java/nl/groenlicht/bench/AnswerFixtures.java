package nl.groenlicht.bench;

import nl.groenlicht.scan.LoadedQuestionnaire;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.QuestionnaireLoader;
import nl.groenlicht.scan.Section;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prepares a running portal for the page and save benchmarks through its JSON API, as an employer's browser would:
 * one self-assessment with every section answered (for the section, result and PDF pages; its id and token go to
 * standard output as shell variables), and many started ones whose sections the save benchmark keeps answering (a Lua
 * file for wrk with their ids, tokens and valid section bodies).
 *
 * <p>Arguments: portal URL, seed-data folder, number of scans for the save benchmark, Lua file to write.
 */
public final class AnswerFixtures {

    private static final Pattern STARTED = Pattern.compile("\"id\":(\\d+),\"token\":\"([^\"]+)\"");
    /** Bodies per section: the save benchmark turns through them, so a save mostly changes what is stored. */
    private static final int VARIANTS = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI portal;

    private AnswerFixtures(URI portal) {
        this.portal = portal;
    }

    private record Started(long id, String token) {
    }

    public static void main(String[] args) throws Exception {
        AnswerFixtures fixtures = new AnswerFixtures(URI.create(args[0]));
        List<Questionnaire> loaded = new QuestionnaireLoader().loadAll(Path.of(args[1])).stream()
                .map(LoadedQuestionnaire::questionnaire).toList();
        Questionnaire questionnaire = new QuestionnaireCatalog(loaded).current();
        int saveScans = Integer.parseInt(args[2]);

        Started full = fixtures.start("Bench Volledig BV");
        fixtures.put(full, SampleAnswers.wholeScan(questionnaire, new Random(1), 1.0));
        System.out.println("PAGE_SCAN_ID=" + full.id());
        System.out.println("PAGE_SCAN_TOKEN=" + full.token());

        StringBuilder lua = new StringBuilder("-- Written by AnswerFixtures: scans to save into, and valid bodies.\n");
        lua.append("scans = {\n");
        for (int n = 0; n < saveScans; n++) {
            Started scan = fixtures.start("Bench Opslaan " + n);
            lua.append(String.format("  {id = %d, token = \"%s\"},%n", scan.id(), scan.token()));
        }
        lua.append("}\nbodies = {\n");
        for (int variant = 0; variant < VARIANTS; variant++) {
            for (Section section : questionnaire.sections()) {
                lua.append("  [[").append(body(SampleAnswers.section(section, variant))).append("]],\n");
            }
        }
        lua.append("}\n");
        Files.writeString(Path.of(args[3]), lua);
    }

    private Started start(String organisationName) throws IOException, InterruptedException {
        String body = "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":" + quoted(organisationName)
                + ",\"clientSites\":\"yes\"}}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(portal.resolve("/api/scans"))
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        Matcher started = STARTED.matcher(response.body());
        if (!started.find()) {
            throw new IllegalStateException("unexpected answer to a new scan: " + response.body());
        }
        return new Started(Long.parseLong(started.group(1)), started.group(2));
    }

    private void put(Started scan, Map<String, List<String>> answers) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(portal.resolve("/api/scans/" + scan.id() + "/answers"))
                .header("X-Scan-Token", scan.token())
                .PUT(HttpRequest.BodyPublishers.ofString(body(answers))), 200);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /** The API's answer body: a string per item, an array for several values. */
    private static String body(Map<String, List<String>> answers) {
        return answers.entrySet().stream()
                .map(e -> quoted(e.getKey()) + ":" + (e.getValue().size() == 1 ? quoted(e.getValue().get(0))
                        : e.getValue().stream().map(AnswerFixtures::quoted).collect(Collectors.joining(",", "[", "]"))))
                .collect(Collectors.joining(",", "{\"answers\":{", "}}"));
    }

    /** A JSON string of text that holds no quote, backslash or control character (ids, option values, our notes). */
    private static String quoted(String text) {
        if (text.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20)) {
            throw new IllegalArgumentException("needs escaping: " + text);
        }
        return "\"" + text + "\"";
    }
}
