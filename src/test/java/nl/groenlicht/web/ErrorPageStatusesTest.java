package nl.groenlicht.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Language;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.LogCapture;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every 4xx and 5xx status the framework knows, walked through the error page and the API's error: each answers with
 * its own status, a title and a message in the language asked for, and the error page itself never fails.
 */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "ErrorPageStatusesTest")
class ErrorPageStatusesTest {

    private static final Pattern TITLE = Pattern.compile("<title>(.+?) – Groenlicht</title>");
    private static final Pattern HEADING = Pattern.compile("<h1[^>]*>(.+?)</h1>\\s*<p>(.+?)</p>", Pattern.DOTALL);
    private static final Pattern API_MESSAGE = Pattern.compile("^\\{\"errors\":\\[\\{\"message\":\"([^\"]+)\"}]}$");

    /** Fails with whatever status it is asked for, on a page address and on an API address. */
    @Requires(property = "spec.name", value = "ErrorPageStatusesTest")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Controller
    static class FailingController {

        @Produces(MediaType.TEXT_HTML)
        @Get("/test-failure/{code}")
        String page(int code) {
            throw new HttpStatusException(HttpStatus.valueOf(code), "failing on purpose");
        }

        @Get("/api/test-failure/{code}")
        String api(int code) {
            throw new HttpStatusException(HttpStatus.valueOf(code), "failing on purpose");
        }
    }

    @Inject
    EmbeddedServer server;
    @Inject
    Messages messages;

    private static List<HttpStatus> errorStatuses() {
        return Arrays.stream(HttpStatus.values()).filter(s -> s.getCode() >= 400).toList();
    }

    @Test
    void everyErrorStatusGetsAPageWithItsStatusATitleAndAMessage() {
        Http http = new Http(server.getURI());
        List<String> failures = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            for (HttpStatus status : errorStatuses()) {
                for (Language language : Language.values()) {
                    HttpResponse<String> page = http.get("/test-failure/" + status.getCode() + "?lang=" + language.code(),
                            "Accept", "text/html");
                    Matcher title = TITLE.matcher(page.body());
                    Matcher heading = HEADING.matcher(page.body());
                    if (page.statusCode() != status.getCode() || !title.find() || !heading.find()
                            || !heading.group(1).equals(title.group(1)) || heading.group(2).isBlank()
                            || !page.body().contains("<html lang=\"" + language.code() + "\"")) {
                        failures.add(status.getCode() + " " + language + ": " + page.statusCode() + " " + page.body());
                    }
                }
            }
            assertEquals(List.of(), log.warnings(), "the error page never fails");
        }
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " failures");
    }

    @Test
    void everyErrorStatusGetsAnApiErrorInEnglishOrInTheLanguageAsked() {
        Http http = new Http(server.getURI());
        List<String> failures = new ArrayList<>();
        for (HttpStatus status : errorStatuses()) {
            List<String> texts = new ArrayList<>();
            for (String lang : List.of("", "?lang=en", "?lang=nl")) {
                HttpResponse<String> error = http.get("/api/test-failure/" + status.getCode() + lang);
                Matcher message = API_MESSAGE.matcher(error.body());
                if (error.statusCode() != status.getCode() || !message.find()) {
                    failures.add(status.getCode() + lang + ": " + error.statusCode() + " " + error.body());
                } else {
                    texts.add(message.group(1));
                }
            }
            if (texts.size() == 3 && (!texts.get(0).equals(texts.get(1)) || texts.get(1).equals(texts.get(2)))) {
                failures.add(status.getCode() + ": English by default, Dutch when asked: " + texts);
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " failures");
    }

    @Test
    void bothLanguagesHoldTheSameTextsAndEveryStatusTextHasATitle() {
        List<String> dutch = Collections.list(messages.bundle(Language.NL).getKeys());
        List<String> english = Collections.list(messages.bundle(Language.EN).getKeys());
        assertEquals(dutch.stream().sorted().toList(), english.stream().sorted().toList());
        for (String key : dutch) {
            if (key.startsWith("httpError.") && !key.endsWith(".title")) {
                assertTrue(dutch.contains(key + ".title"), key);
            }
        }
    }
}
