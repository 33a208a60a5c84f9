package nl.groenlicht.web;

import io.micronaut.http.HttpRequest;

import java.util.regex.Pattern;

/**
 * Text fit for the log. A resume link's path is its private token, so every form of it (also URL-encoded, in a
 * query string, in an exception's message) becomes {@code /resume/…}; and text that a client chose is cut short, so
 * that no request can write a large log line.
 */
public final class LogText {

    /** How much of a path the log gets: enough to see the route, not a way to fill the disk. */
    static final int MAX_PATH = 200;
    /** How much of any message or exception message the log gets. */
    static final int MAX_MESSAGE = 2_000;

    // "/resume/", "/resume%2F", "\resume\" (any case, encoded more than once) and everything up to a space or quote.
    private static final Pattern RESUME_TOKEN =
            Pattern.compile("(?i)([/\\\\]|%(25)*2f|%(25)*5c)resume([/\\\\]|%(25)*2f|%(25)*5c)[^\\s\"'<>]*");

    private LogText() {
    }

    public static String scrub(String text) {
        return text == null ? null : RESUME_TOKEN.matcher(text).replaceAll("/resume/…");
    }

    public static String bounded(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…(" + (text.length() - max) + " more characters)";
    }

    /**
     * A stand-in for a throwable, to log: the class and the scrubbed, shortened message of it and of its causes, with
     * their stack traces. An exception's message can quote what a client sent (a URI parser quotes the whole URI).
     */
    public static Throwable safe(Throwable e) {
        return new SafeThrowable(e, 0);
    }

    /** A request's path and query, scrubbed and cut short. */
    public static String path(HttpRequest<?> request) {
        return bounded(scrub(request.getUri().toString()), MAX_PATH);
    }

    private static final class SafeThrowable extends Exception {

        private static final int MAX_CAUSES = 10;

        SafeThrowable(Throwable original, int depth) {
            super(original.getClass().getName() + ": " + bounded(scrub(String.valueOf(original.getMessage())), MAX_MESSAGE),
                    original.getCause() == null || depth >= MAX_CAUSES ? null : new SafeThrowable(original.getCause(), depth + 1));
            setStackTrace(original.getStackTrace());
        }
    }
}
