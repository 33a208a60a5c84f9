package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20: the stylesheet's URL names its content, so a phone keeps it for a year and asks again only when it
 * changed; the pages themselves stay uncached.
 */
@MicronautTest(transactional = false)
class StaticAssetsTest {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">");

    @Inject
    EmbeddedServer server;

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] stylesheetInTheJar() throws IOException {
        try (InputStream in = StaticAssetsTest.class.getResourceAsStream("/public/groenlicht.css")) {
            return in.readAllBytes();
        }
    }

    private String stylesheetUrl(HttpResponse<String> page) {
        Matcher link = STYLESHEET.matcher(page.body());
        assertTrue(link.find(), "the page links a stylesheet");
        return link.group(1);
    }

    @Test
    void theStylesheetIsCachedForAYearAtAUrlNamingItsContent() throws Exception {
        Http browser = new Http(server.getURI());
        HttpResponse<String> page = browser.get("/");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null), "the page is not cached");
        String url = stylesheetUrl(page);
        byte[] css = stylesheetInTheJar();
        assertTrue(url.matches("/assets/[0-9a-f]{16}/groenlicht\\.css"), url);
        assertTrue(sha256(css).startsWith(url.split("/")[2]), "the URL names the first bytes of the file's SHA-256");

        HttpResponse<byte[]> stylesheet = browser.getBytes(url);
        assertEquals(200, stylesheet.statusCode());
        assertArrayEquals(css, stylesheet.body());
        assertEquals("public, max-age=31536000, immutable", stylesheet.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("text/css;charset=UTF-8", stylesheet.headers().firstValue("Content-Type").orElse(null));
        assertEquals("nosniff", stylesheet.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(stylesheet.headers().allValues("Set-Cookie").isEmpty(), "no session, CSRF or language cookie");
    }

    @Test
    void aPageFromBeforeADeployGetsTodaysStylesheetButMayNotKeepIt() {
        Http browser = new Http(server.getURI());
        HttpResponse<byte[]> stale = browser.getBytes("/assets/0123456789abcdef/groenlicht.css");
        assertEquals(200, stale.statusCode());
        assertEquals("no-cache", stale.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void unknownAndOutsideFilesAreNotFound() {
        Http browser = new Http(server.getURI());
        assertEquals(404, browser.getBytes("/assets/0123456789abcdef/nothing.css").statusCode());
        assertEquals(404, browser.getBytes("/assets/0123456789abcdef/..%2Fapplication.yml").statusCode());
        assertEquals(404, browser.getBytes("/assets/0123456789abcdef/.hidden").statusCode());
    }

    @Test
    void aChangedStylesheetGetsANewUrl() {
        Map<String, byte[]> yesterday = Map.of("groenlicht.css", "body { color: green }".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> today = Map.of("groenlicht.css", "body { color: teal }".getBytes(StandardCharsets.UTF_8));
        String before = new StaticAssets(name -> Optional.ofNullable(yesterday.get(name))).url("groenlicht.css");
        String after = new StaticAssets(name -> Optional.ofNullable(today.get(name))).url("groenlicht.css");
        String again = new StaticAssets(name -> Optional.ofNullable(today.get(name))).url("groenlicht.css");
        assertNotEquals(before, after);
        assertEquals(after, again, "the same content keeps its URL, across restarts and instances");
    }
}
