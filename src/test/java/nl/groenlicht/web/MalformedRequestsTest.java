package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.LogCapture;
import nl.groenlicht.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that java.net.http refuses to send, sent over a socket: malformed addresses, HEAD, bodies in an encoding
 * the server does not decode. Each gets a 4xx (HEAD a 200) with no stack trace, and the log stays quiet: no stack
 * trace, no resume token.
 */
@MicronautTest(transactional = false)
class MalformedRequestsTest {

    private static final Pattern LEAK = Pattern.compile("Exception|\\bat (io|java|nl|org)\\.|\\.java:\\d+|nl\\.groenlicht");
    private static final String TOKEN = "WdYwrOPYg2na_bpYsMppqvOUbroEEKoB2trcMOowpE0";
    private static final String SCAN = "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Codering BV\"}}";

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    @Test
    void malformedAddressesGet400WithoutAStackTraceInTheBodyOrTheLog() {
        RawHttp raw = new RawHttp(server.getURI());
        try (LogCapture log = new LogCapture()) {
            for (String target : List.of("/%", "/scans/%zz", "/a b", "/resume/" + TOKEN + "|", "/resume/" + TOKEN + "%zz",
                    "/resume/" + TOKEN + "\"", "/resume/" + TOKEN + "`", "/scans/1/result?lang=%zz", "/?lang=<script>")) {
                RawHttp.Answer answer = raw.get(target, "Accept", "text/html");
                assertEquals(400, answer.status(), target);
                assertFalse(LEAK.matcher(answer.body()).find(), target + ": " + answer.body());
                assertFalse(answer.body().contains(TOKEN), target);
            }
            assertEquals(List.of(), log.warnings());
            assertTrue(log.lines().stream().noneMatch(line -> line.contains(TOKEN)), String.join("\n", log.lines()));
        }
    }

    @Test
    void aMalformedApiAddressGetsTheApisJsonError() {
        RawHttp.Answer answer = new RawHttp(server.getURI()).get("/api/scans/%zz/result");
        assertEquals(400, answer.status());
        assertTrue(answer.text().contains("application/json"), answer.text());
        assertTrue(answer.body().startsWith("{\"errors\":[{\"message\":"), answer.body());
    }

    @Test
    void aRequestLineLongerThanTheServerReadsGets414() {
        RawHttp.Answer answer = new RawHttp(server.getURI()).get("/?lang=" + "x".repeat(10_000), "Accept", "text/html");
        assertEquals(414, answer.status(), answer.text());
        assertTrue(answer.body().contains("<h1"), answer.body());
        assertFalse(answer.body().contains("xxxxxxxxxx"), "the address is not echoed");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        RawHttp raw = new RawHttp(server.getURI());
        for (String page : List.of("/", "/scans/new", "/login", "/?lang=en")) {
            RawHttp.Answer answer = raw.send("HEAD", page, null);
            assertEquals(200, answer.status(), page + ": " + answer.text());
            assertEquals("", answer.body(), page);
        }
    }

    @Test
    void aBodyInAnEncodingTheServerDoesNotDecodeIsRefusedWith415AndNotStored() {
        RawHttp raw = new RawHttp(server.getURI());
        long scans = database.count("SELECT COUNT(*) FROM scan");
        for (String encoding : List.of("x-unknown", "compress", "gzip, x-unknown")) {
            RawHttp.Answer answer = raw.send("POST", "/api/scans", SCAN, "Content-Type", "application/json",
                    "Content-Encoding", encoding);
            assertEquals(415, answer.status(), encoding + ": " + answer.text());
        }
        assertEquals(scans, database.count("SELECT COUNT(*) FROM scan"), "an encoded body is not read as JSON");
        assertEquals(201, raw.send("POST", "/api/scans", SCAN, "Content-Type", "application/json",
                "Content-Encoding", "identity").status(), "identity is no encoding");
    }

    @Test
    void aBodyThatDoesNotDecompressGets400AndNoStackTraceInTheLog() {
        RawHttp raw = new RawHttp(server.getURI());
        try (LogCapture log = new LogCapture()) {
            for (String encoding : List.of("deflate", "x-deflate", "snappy", "gzip", "x-gzip")) {
                RawHttp.Answer answer = raw.send("POST", "/api/scans", "not compressed at all", "Content-Type",
                        "application/json", "Content-Encoding", encoding);
                assertEquals(400, answer.status(), encoding + ": " + answer.text());
                assertFalse(LEAK.matcher(answer.body()).find(), answer.body());
            }
            assertEquals(List.of(), log.warnings());
        }
    }
}
