package nl.groenlicht.web;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What reaches the log: no resume token in any form, and nothing a client sent at great length. */
class LogTextTest {

    private static final String TOKEN = "WdYwrOPYg2na_bpYsMppqvOUbroEEKoB2trcMOowpE0";

    @Test
    void everyFormOfAResumeLinkLosesItsToken() {
        for (String form : List.of("/resume/" + TOKEN, "/RESUME/" + TOKEN + "|", "/resume%2F" + TOKEN,
                "%2Fresume%2f" + TOKEN, "/resume%252F" + TOKEN, "\\resume\\" + TOKEN, "/?next=/resume/" + TOKEN,
                "/login?next=%2Fresume%2F" + TOKEN + "&lang=en", "Illegal character in path at index 51: /resume/"
                        + TOKEN + "|")) {
            String scrubbed = LogText.scrub(form);
            assertFalse(scrubbed.contains(TOKEN.substring(0, 10)), form + " → " + scrubbed);
            assertTrue(scrubbed.contains("/resume/…"), form + " → " + scrubbed);
        }
        assertEquals("/scans/12/result", LogText.scrub("/scans/12/result"));
    }

    @Test
    void longTextIsCutShortSayingHowMuchWasLeftOut() {
        String cut = LogText.bounded("x".repeat(10_000), 200);
        assertTrue(cut.startsWith("x".repeat(200)) && cut.length() < 240, cut);
        assertTrue(cut.contains("9800"), cut);
        assertEquals("short", LogText.bounded("short", 200));
    }

    @Test
    void aLoggedExceptionKeepsItsClassAndStackButNotTheTokenOrTheLength() {
        Exception original = new IllegalStateException("wrapped", new URISyntaxException(
                "/resume/" + TOKEN + "|" + "y".repeat(20_000), "Illegal character in path"));
        Throwable safe = LogText.safe(original);
        assertTrue(safe.getMessage().startsWith("java.lang.IllegalStateException: wrapped"), safe.getMessage());
        assertEquals(List.of(original.getStackTrace()), List.of(safe.getStackTrace()));
        String cause = safe.getCause().getMessage();
        assertTrue(cause.startsWith("java.net.URISyntaxException: Illegal character in path"), cause);
        assertFalse(cause.contains(TOKEN.substring(0, 10)), cause);
        assertTrue(cause.length() < LogText.MAX_MESSAGE + 100, "length " + cause.length());
    }

    @Test
    void thePlainTextLogFormatScrubsAndCutsWhatLibrariesLog() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogTextTest.class.getResource("/logback.xml"));
            context.getLogger("io.micronaut.http.server.RouteExecutor").error("Unexpected error occurred: GET /resume/"
                    + TOKEN + "| and /resume%2F" + TOKEN + " " + "z".repeat(10_000));
        } finally {
            context.stop();
            System.setOut(console);
        }
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains("Unexpected error occurred: GET /resume/… and /resume/…"), line);
        assertFalse(line.contains(TOKEN.substring(0, 10)), line);
        assertTrue(line.length() < 2_200, "length " + line.length());
    }
}
