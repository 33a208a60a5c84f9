package nl.groenlicht.report;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.advice.AdviceEngine;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.ScanAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result and the exports speak the language asked for with {@code ?lang=}, Dutch by default, like the questionnaire. */
@MicronautTest(transactional = false)
class ReportApiLanguageTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    QuestionnaireCatalog catalog;
    @Inject
    AdviceEngine advice;

    private Questionnaire questionnaire;
    private Http http;
    private String scan;
    private String token;

    @BeforeEach
    void scanWithARedSupervisor() throws IOException {
        questionnaire = catalog.current();
        http = new Http(server.getURI());
        Map<String, Object> started = read(http.post("/api/scans", "application/json",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Taal BV\"}}"));
        long id = ((Number) started.get("id")).longValue();
        token = (String) started.get("token");
        scan = "/api/scans/" + id;
        ScanAnswers.answerAll(server.getURI(), json, questionnaire, id, token, "supervisor");
    }

    private Map<String, Object> read(HttpResponse<String> response) throws IOException {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(Object list) {
        return ((List<Map<String, Object>>) list).stream().map(m -> (String) m.get("title")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> adviceIds(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("advice")).stream().map(m -> (String) m.get("id")).toList();
    }

    private void assertResultIn(Language language, String query) throws IOException {
        Map<String, Object> result = read(http.get(scan + "/result" + query, "X-Scan-Token", token));
        assertEquals(questionnaire.sections().stream().map(s -> s.title().in(language)).toList(),
                titles(result.get("sections")), "section titles for " + query);
        List<String> ids = adviceIds(result);
        assertFalse(ids.isEmpty());
        assertEquals(ids.stream().map(id -> advice.catalogue(questionnaire).item(id).orElseThrow().title().in(language)).toList(),
                titles(result.get("advice")), "advice titles for " + query);
    }

    @Test
    void resultIsInDutchWithLangNlOrNoneOrAnUnknownOneAndInEnglishWithLangEn() throws IOException {
        assertResultIn(Language.NL, "?lang=nl");
        assertResultIn(Language.NL, "");
        assertResultIn(Language.NL, "?lang=xx");
        assertResultIn(Language.EN, "?lang=en");
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsFollowLangToo() throws IOException {
        for (Language language : Language.values()) {
            String query = "?lang=" + language.code();
            Map<String, Object> export = read(http.get(scan + "/export.json" + query, "X-Scan-Token", token));
            Map<String, Object> result = (Map<String, Object>) export.get("result");
            assertEquals(questionnaire.sections().stream().map(s -> s.title().in(language)).toList(),
                    titles(result.get("sections")), "export.json sections for " + query);
            Section first = questionnaire.sections().get(0);
            Item item = first.scoredItems().get(0);
            String csv = http.get(scan + "/export.csv" + query, "X-Scan-Token", token).body();
            assertTrue(csv.contains(item.text().in(language)), "export.csv question for " + query);
        }
        String dutch = http.get(scan + "/export.csv", "X-Scan-Token", token).body();
        assertTrue(dutch.contains(questionnaire.sections().get(0).scoredItems().get(0).text().nl()), "Dutch by default");
    }
}
