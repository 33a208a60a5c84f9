package nl.groenlicht.support;

import io.micronaut.json.JsonMapper;
import nl.groenlicht.response.ScanToken;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Section;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A whole scan answered through the JSON API, for tests that need a finished scan but not its pages. */
public final class ScanAnswers {

    private ScanAnswers() {
    }

    /**
     * A new API token for a scan whose token never left the server, such as a coach's site visit (opened through the
     * login): for tests that answer it through the API, and for the tokens that browsers were given before.
     */
    public static String newToken(Database database, long scanId) {
        String token = ScanToken.generate();
        assertEquals(1, database.update("UPDATE scan SET token_hash = ? WHERE id = ?", ScanToken.hash(token), scanId));
        return token;
    }

    /** Answers every scored item: the worst option in the named sections, the best elsewhere. */
    public static void answerAll(URI server, JsonMapper json, Questionnaire questionnaire, long scanId, String token,
                                 String... worstSections) throws IOException {
        answerAll(server, json, questionnaire, scanId, token,
                section -> List.of(worstSections).contains(section.id()) ? Options::worst : Options::best);
    }

    /**
     * The "mixed" scan of the report tests: red (worst answers) in three sections, the middle answers in three more
     * (orange or red, as the thresholds fall), the best in the rest.
     */
    public static void answerMixed(URI server, JsonMapper json, Questionnaire questionnaire, long scanId, String token)
            throws IOException {
        List<String> worst = List.of("stimuli", "supervisor", "work");
        List<String> middle = List.of("cohesion", "colleagues", "client");
        answerAll(server, json, questionnaire, scanId, token, section -> worst.contains(section.id()) ? Options::worst
                : middle.contains(section.id()) ? Options::middle : Options::best);
    }

    /** Answers every scored item with the option the section's picker chooses. */
    public static void answerAll(URI server, JsonMapper json, Questionnaire questionnaire, long scanId, String token,
                                 Function<Section, Function<Item, String>> picker) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Section section : questionnaire.sections()) {
            Function<Item, String> pick = picker.apply(section);
            section.scoredItems().forEach(item -> answers.put(item.id(), pick.apply(item)));
        }
        HttpResponse<String> saved = new Http(server).put("/api/scans/" + scanId + "/answers",
                json.writeValueAsString(Map.of("answers", answers)), "X-Scan-Token", token);
        assertEquals(200, saved.statusCode(), saved.body());
    }
}
