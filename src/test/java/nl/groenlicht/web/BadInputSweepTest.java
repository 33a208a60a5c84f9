package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.LogCapture;
import nl.groenlicht.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of generated bad requests to the pages and the API: malformed JSON, wrong types, huge and empty strings,
 * unicode edge cases and NUL, bad and other scans' ids and tokens, unknown enum values, forms without CSRF, odd
 * addresses sent raw, each page request also with the Accept headers browsers and monitoring tools send. Each is
 * refused with a 4xx (or, on a staff page without a login, a redirect to it), never a 5xx, never a stack trace or class name, and nothing refused is stored.
 */
@MicronautTest(transactional = false)
class BadInputSweepTest {

    private static final Pattern LEAK = Pattern.compile("Exception|\\bat (io|java|nl|org)\\.|\\.java:\\d+|nl\\.groenlicht");
    private static final List<String> STORED = List.of("scan", "answer", "plan_line", "organisation", "site",
            "account", "section_score");
    /** Far over any field's limit; six fields of it stay under max-request-size (bodies over it: ScanApiTest). */
    private static final String HUGE = "x".repeat(30_000);
    /** Text that is hard to handle: empty, huge, NUL, a lone surrogate, right-to-left marks, markup, SQL. */
    private static final List<String> NASTY_TEXT = List.of("", " ", HUGE, "a\u0000b", "\uD800", "\u202Eevil\u202C",
            "<script>alert(1)</script>", "'; DROP TABLE scan; --", "\uFEFF", "😀".repeat(3000));
    /** What browsers, crawlers and monitoring tools send; "" is no Accept header at all. */
    private static final List<String> BROWSER_ACCEPTS = List.of("text/html", "application/xhtml+xml",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*", "");
    /** Addresses java.net.http will not send: not URIs, too long, or with a resume token and junk after it. */
    private static final List<String> ODD_URIS = List.of("/%", "/%zz", "/scans/%zz/result", "/api/scans/%zz/result",
            "/a b", "/scans/1 /result", "/resume/WdYwrOPYg2na_bpYsMppqvOUbroEEKoB2trcMOowpE0|", "/resume/x\\y",
            "/resume/%", "/scans/<script>/result", "/?lang=<script>", "/?lang=%", "/" + "x".repeat(5000),
            "/scans/new?lang=" + "x".repeat(10_000), "/..%2f..%2fetc%2fpasswd", "/scans/%00/result", "/api/%");
    private static final List<String> BAD_IDS = List.of("-1", "0", "99999999999999999999", "abc", "1.5", "%00",
            "1%3BDROP", "%2e%2e%2f", "9223372036854775807", "-9223372036854775808");

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> failures = new ArrayList<>();
    private int sent;

    private void send(String method, String path, String contentType, String body, String... headers) {
        sent++;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String what = method + " " + path.substring(0, Math.min(path.length(), 80)) + " "
                    + (body == null ? "" : body.substring(0, Math.min(body.length(), 60)));
            boolean toLogin = response.statusCode() == 303
                    && response.headers().firstValue("Location").orElse("").endsWith("/login");
            if (!toLogin && (response.statusCode() < 400 || response.statusCode() >= 500)) {
                failures.add(response.statusCode() + " for " + what);
            }
            Matcher leak = LEAK.matcher(response.body());
            if (leak.find()) {
                failures.add("'" + leak.group() + "' in the body for " + what);
            }
        } catch (IllegalArgumentException e) {
            sent--; // the client itself refuses to send it (e.g. an unencoded character in a URI): not a case
        } catch (Exception e) {
            failures.add(e + " for " + method + " " + path);
        }
    }

    /** Over a socket, as sent: for what java.net.http refuses to send. */
    private void sendRaw(String target, String accept) {
        sent++;
        RawHttp.Answer answer = accept.isEmpty() ? new RawHttp(server.getURI()).get(target)
                : new RawHttp(server.getURI()).get(target, "Accept", accept);
        String what = "GET " + target.substring(0, Math.min(target.length(), 80)) + " Accept '" + accept + "'";
        if (answer.status() < 400 || answer.status() >= 500) {
            failures.add(answer.status() + " for " + what);
        }
        Matcher leak = LEAK.matcher(answer.body());
        if (leak.find()) {
            failures.add("'" + leak.group() + "' in the body for " + what);
        }
    }


    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STORED.forEach(table -> counts.put(table, database.count("SELECT COUNT(*) FROM " + table)));
        return counts;
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            quoted.append(c == '"' || c == '\\' ? "\\" + c : c < 0x20 ? String.format("\\u%04x", (int) c) : c);
        }
        return quoted.append('"').toString();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    @Test
    void hundredsOfBadRequestsAreRefusedCleanlyAndStoreNothing() {
        Http setup = new Http(server.getURI());
        String coach = newCoach(server.getURI(), "sweep-wachtwoord-123");
        String coachAuth = Http.basic(coach, "sweep-wachtwoord-123");
        String adminAuth = Http.basic(ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> started = setup.post("/api/scans", "application/json",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Sweep BV\"}}");
        Matcher scan = Pattern.compile("\"id\":(\\d+),\"token\":\"([^\"]+)\"").matcher(started.body());
        assertTrue(scan.find(), started.body());
        String scanId = scan.group(1);
        String token = scan.group(2);
        HttpResponse<String> other = setup.post("/api/scans", "application/json",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Ander BV\"}}");
        Matcher otherScan = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(other.body());
        assertTrue(otherScan.find());
        String othersToken = otherScan.group(1);
        HttpResponse<String> organisation = setup.post("/api/organisations", "application/json",
                "{\"name\":\"Sweep organisatie\"}", "Authorization", coachAuth);
        Matcher organisationId = Pattern.compile("\"id\":(\\d+)").matcher(organisation.body());
        assertTrue(organisationId.find());
        Map<String, Long> before = counts();
        LogCapture log = new LogCapture();

        List<String> malformed = new ArrayList<>(List.of("", "{", "}", "[]", "null", "true", "42", "\"text\"",
                "{\"answers\":", "{\"answers\":[]}", "{\"answers\":null}", "{\"answers\":{}} trailing", "{,}",
                "{\"a\":1,}", "\u0000", "[".repeat(5000) + "]".repeat(5000), "{\"answers\":{\"stimuliNote\":1e999}}",
                "{\"answers\":{\"stimuliNote\":\"\\uD800\"}}", "{\"answers\":{\"unknownItem\":\"yes\"}}",
                "{\"answers\":{\"stimuliQuiet\":\"NOT_AN_OPTION\"}}", "{\"answers\":{\"stimuliQuiet\":5}}",
                "{\"answers\":{\"stimuliQuiet\":[\"a\",\"b\"]}}", "{\"answers\":{\"organisationName\":\"\"}}"));
        NASTY_TEXT.forEach(text -> malformed.add("{\"answers\":{\"stimuliNote\":" + json(text + HUGE.substring(0, 2001)) + "}}"));

        // The JSON API, with the right token and with wrong ones.
        for (String body : malformed) {
            send("PUT", "/api/scans/" + scanId + "/answers", "application/json", body, "X-Scan-Token", token);
            send("PUT", "/api/scans/" + scanId + "/answers", "text/plain", body, "X-Scan-Token", token);
            send("POST", "/api/scans", "application/json", body);
            send("POST", "/api/organisations", "application/json", body, "Authorization", coachAuth);
            send("POST", "/api/organisations/" + organisationId.group(1) + "/sites", "application/json", body,
                    "Authorization", coachAuth);
            send("POST", "/api/admin/coaches", "application/json", body, "Authorization", adminAuth);
        }
        for (String mode : List.of("COACH", "self", "", "WEIRD", "null")) {
            send("POST", "/api/scans", "application/json", "{\"mode\":" + json(mode) + ",\"profile\":{\"organisationName\":\"X\"}}");
        }
        for (String text : NASTY_TEXT) {
            send("POST", "/api/scans", "application/json", "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":"
                    + json(text + (text.isBlank() ? "" : HUGE)) + "}}");
            send("POST", "/api/organisations", "application/json", "{\"name\":" + json(text + (text.isBlank() ? "" : HUGE))
                    + "}", "Authorization", coachAuth);
            send("POST", "/api/organisations/" + organisationId.group(1) + "/sites", "application/json",
                    "{\"name\":\"Hal\",\"kind\":" + json(text) + "}", "Authorization", coachAuth);
            send("POST", "/api/admin/coaches", "application/json", "{\"email\":" + json(text)
                    + ",\"name\":\"X\",\"password\":\"kort\"}", "Authorization", adminAuth);
        }
        for (String id : BAD_IDS) {
            for (String tail : List.of("/result", "/export.json", "/export.csv", "/report.pdf")) {
                send("GET", "/api/scans/" + id + tail, null, null, "X-Scan-Token", token);
                for (String accept : BROWSER_ACCEPTS) {
                    send("GET", "/scans/" + id + tail.replace("/export.json", "/report"), null, null, Http.accept(accept));
                }
            }
            send("PUT", "/api/scans/" + id + "/answers", "application/json", "{\"answers\":{}}", "X-Scan-Token", token);
            send("GET", "/api/organisations/" + id, null, null, "Authorization", coachAuth);
            send("GET", "/coach/organisations/" + id, null, null, "Authorization", coachAuth);
            for (String accept : BROWSER_ACCEPTS) {
                send("GET", "/resume/" + id, null, null, Http.accept(accept));
                send("GET", "/scans/" + id + "/sections/stimuli", null, null, Http.accept(accept));
            }
        }
        for (String target : ODD_URIS) {
            BROWSER_ACCEPTS.forEach(accept -> sendRaw(target, accept));
        }
        for (String wrong : List.of(othersToken, "", "x".repeat(5000), token.substring(1), token.toUpperCase())) {
            send("PUT", "/api/scans/" + scanId + "/answers", "application/json",
                    "{\"answers\":{\"stimuliNote\":\"niet van jou\"}}", "X-Scan-Token", wrong);
            send("GET", "/api/scans/" + scanId + "/export.json", null, null, "X-Scan-Token", wrong);
        }
        // Forms without a CSRF token, or with a forged one, each with nasty text in every field.
        for (String text : NASTY_TEXT) {
            Map<String, String> fields = Map.of("organisationName", text, "name", text, "email", text,
                    "password", text, "stimuliNote", text, "owner-sroi", text, "include", "sroi");
            for (String path : List.of("/scans", "/scans/" + scanId + "/profile", "/scans/" + scanId + "/sections/stimuli",
                    "/scans/" + scanId + "/plan", "/login", "/coach/organisations", "/admin/coaches")) {
                send("POST", path, "application/x-www-form-urlencoded", form(fields));
                Map<String, String> forged = new LinkedHashMap<>(fields);
                forged.put("_csrf", "forged-" + text.length());
                send("POST", path, "application/x-www-form-urlencoded", form(forged), "Cookie", "gl_csrf=another");
            }
        }

        log.close();
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 20)), failures.size() + " failures");
        assertEquals(List.of(), log.warnings(), "refused requests are not logged as failures");
        assertTrue(sent >= 500, "at least 500 cases: " + sent);
        assertEquals(before, counts(), "nothing refused was stored");
    }
}
