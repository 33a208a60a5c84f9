package nl.groenlicht.web;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.ScanAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests as monitoring tools, crawlers and HTTP clients send them: exactly {@code Accept: text/html}, only XHTML,
 * anything, or no Accept at all, with unknown, empty, long and markup {@code lang} values. Every public page answers
 * with its page (in Dutch for any language it does not know), never a 5xx, and never echoes the value.
 */
@MicronautTest(transactional = false)
class BrowserLikeRequestsTest {

    private static final List<String> ACCEPTS = List.of("text/html", "application/xhtml+xml", "*/*", "");
    private static final String MARKUP = "<script>alert(1)</script>";
    /** As long as fits in a request line with the page's address (Netty reads 4096 bytes). */
    private static final String LONG = "l".repeat(3_000);
    private static final List<String> ODD_LANGS = List.of("xx", "", LONG, MARKUP, "en-GB", "NL ", "e\u0000n");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    QuestionnaireCatalog catalog;

    private Http browser;
    private List<String> pages;

    @BeforeEach
    void aFinishedScanOpenedThroughItsResumeLink() throws Exception {
        Http api = new Http(server.getURI());
        HttpResponse<String> started = api.post("/api/scans", "application/json",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Kijker BV\"}}");
        Map<String, Object> scan = json.readValue(started.body(), Argument.mapOf(String.class, Object.class));
        long id = ((Number) scan.get("id")).longValue();
        String token = (String) scan.get("token");
        ScanAnswers.answerAll(server.getURI(), json, catalog.current(), id, token, "supervisor");
        browser = new Http(server.getURI());
        assertEquals(303, browser.get("/resume/" + token).statusCode());
        String scanPage = "/scans/" + id;
        pages = List.of("/", "/scans/new", "/login", scanPage + "/profile",
                scanPage + "/sections/" + catalog.current().sections().get(0).id(), scanPage + "/saved",
                scanPage + "/result", scanPage + "/report", scanPage + "/plan");
    }


    @Test
    void everyPublicPageAnswersEveryAcceptHeaderWithItsHtmlPage() {
        List<String> failures = new ArrayList<>();
        for (String accept : ACCEPTS) {
            for (String page : pages) {
                HttpResponse<String> response = browser.get(page, Http.accept(accept));
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() != 200 || !type.startsWith("text/html") || !response.body().contains("<h1")) {
                    failures.add(page + " with Accept '" + accept + "': " + response.statusCode() + " " + type);
                }
            }
            HttpResponse<String> missing = browser.get("/no-such-page", Http.accept(accept));
            if (missing.statusCode() != 404 || !missing.body().contains("<h1")) {
                failures.add("404 page with Accept '" + accept + "': " + missing.statusCode());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void anyLangThePortalDoesNotKnowGivesTheDutchPageAndIsNeverEchoed() {
        List<String> failures = new ArrayList<>();
        List<String> all = new ArrayList<>(pages);
        all.add("/no-such-page");
        for (String lang : ODD_LANGS) {
            for (String accept : ACCEPTS) {
                for (String page : all) {
                    HttpResponse<String> response = browser.get(page + "?lang="
                            + URLEncoder.encode(lang, StandardCharsets.UTF_8), Http.accept(accept));
                    String body = response.body();
                    boolean echoed = body.contains(MARKUP) || body.contains(LONG.substring(0, 100));
                    if (response.statusCode() >= 500 || !body.contains("<html lang=\"nl\"") || echoed) {
                        failures.add(page + "?lang=" + lang.substring(0, Math.min(lang.length(), 20)) + " with Accept '"
                                + accept + "': " + response.statusCode() + (echoed ? " echoed" : ""));
                    }
                }
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failures");
    }
}
