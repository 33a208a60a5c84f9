package nl.groenlicht.report;

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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan keeps the questionnaire and advice version it was started with: one started before version 2 was published
 * shows version 1's texts and advice, a new one version 2's.
 */
@MicronautTest(transactional = false)
class VersionedScansTest {

    /** Version 1's loonkostensubsidie text, which version 2 corrected (the subsidy is capped). */
    private static final String V1_WAGE_SUBSIDY = "Zo betaalt u alleen voor wat iemand werkelijk kan";
    private static final String V2_WAGE_SUBSIDY = "Betaalt u volgens de cao meer dan het minimumloon, dan betaalt u dat"
            + " verschil zelf.";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    QuestionnaireCatalog catalog;
    @Inject
    Database database;

    private record Started(long id, String token) {
    }

    /** A scan with every section green and cost worries, which brings the loonkostensubsidie advice. */
    private Started scan(Http http, Integer questionnaireVersion) throws IOException {
        HttpResponse<String> created = http.post("/api/scans", "application/json", json.writeValueAsString(Map.of(
                "mode", "SELF", "profile", Map.of("organisationName", "Versie BV", "clientSites", "yes",
                        "concerns", List.of("costs")))));
        Map<String, Object> body = json.readValue(created.body(), Argument.mapOf(String.class, Object.class));
        Started started = new Started(((Number) body.get("id")).longValue(), (String) body.get("token"));
        if (questionnaireVersion != null) {
            // As a scan started before the newer version was published.
            database.update("UPDATE scan SET questionnaire_version = ? WHERE id = ?", questionnaireVersion, started.id());
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Section section : catalog.current().sections()) {
            for (Item item : section.scoredItems()) {
                answers.put(item.id(), Options.best(item));
            }
        }
        assertEquals(200, http.put("/api/scans/" + started.id() + "/answers",
                json.writeValueAsString(Map.of("answers", answers)), "X-Scan-Token", started.token()).statusCode());
        return started;
    }

    private String pdfText(Http http, Started scan) throws IOException {
        HttpResponse<byte[]> pdf = http.getBytes("/api/scans/" + scan.id() + "/report.pdf", "X-Scan-Token", scan.token());
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private int version(Http http, Started scan) throws IOException {
        Map<String, Object> result = json.readValue(http.get("/api/scans/" + scan.id() + "/result", "X-Scan-Token",
                scan.token()).body(), Argument.mapOf(String.class, Object.class));
        return ((Number) ((Map<?, ?>) result.get("questionnaire")).get("version")).intValue();
    }

    @Test
    void aScanStartedOnVersionOneKeepsVersionOnesAdviceAndANewScanGetsVersionTwo() throws IOException {
        Http http = new Http(server.getURI());
        assertEquals(2, catalog.current().version(), "seed-data holds version 2 as the newest");
        Started old = scan(http, 1);
        Started fresh = scan(http, null);
        assertEquals(1, version(http, old));
        assertEquals(2, version(http, fresh), "a new scan uses the newest version");

        String oldPdf = pdfText(http, old);
        assertTrue(oldPdf.contains(V1_WAGE_SUBSIDY), "version 1's advice text");
        assertFalse(oldPdf.contains(V2_WAGE_SUBSIDY));
        String freshPdf = pdfText(http, fresh);
        assertTrue(freshPdf.contains(V2_WAGE_SUBSIDY), "version 2's corrected advice text");
        assertFalse(freshPdf.contains(V1_WAGE_SUBSIDY));
    }

    @Test
    void noFactShowsTheDayItsSourceWasReadAsTheDayItBeganToHold() throws IOException {
        Http http = new Http(server.getURI());
        for (Started scan : List.of(scan(http, 1), scan(http, null))) {
            String pdf = pdfText(http, scan);
            assertTrue(pdf.contains("bron gecontroleerd op"), "each fact says when its source was read");
            assertFalse(pdf.contains("geldig vanaf 23 november 2026"), "version 1 read its sources on 23 November 2026");
            assertFalse(pdf.contains("geldig vanaf 2 december 2026"));
        }
    }
}
