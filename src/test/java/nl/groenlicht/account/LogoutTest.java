package nl.groenlicht.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shared tablet after logout (issue 16, M-4): the coach's site visit was opened through the login only, so nothing
 * in the browser opens it afterwards, and the logout tells the browser to drop the portal's cookies.
 */
@MicronautTest(transactional = false)
class LogoutTest {

    private static final String PASSWORD = "uitlog-wachtwoord-123";

    @Inject
    EmbeddedServer server;

    private long visitScan(Http tablet, String coach) {
        String basic = Http.basic(coach, PASSWORD);
        Http api = new Http(server.getURI());
        String organisation = api.post("/api/organisations", "application/json", "{\"name\":\"Tablet BV\"}",
                "Authorization", basic).body().replaceAll("\\D", "");
        String site = api.post("/api/organisations/" + organisation + "/sites", "application/json",
                "{\"name\":\"Kantine\",\"kind\":\"LOCATION\"}", "Authorization", basic).body().replaceAll("\\D", "");
        String sitePath = "/coach/organisations/" + organisation + "/sites/" + site;
        HttpResponse<String> started = tablet.postForm(sitePath + "/scans",
                Map.of("_csrf", List.of(Http.csrfOf(tablet.get(sitePath).body()))));
        assertEquals(303, started.statusCode(), started.body());
        assertTrue(started.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("gl_scan_")),
                "no bearer cookie for the visit: " + started.headers().allValues("Set-Cookie"));
        Matcher id = Pattern.compile("/scans/(\\d+)/").matcher(Http.location(started));
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    @Test
    void afterLogoutTheTabletNoLongerOpensTheCoachsVisit() {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http tablet = new Http(server.getURI());
        assertEquals(303, tablet.login(coach, PASSWORD).statusCode());
        long scan = visitScan(tablet, coach);
        assertEquals(200, tablet.get("/scans/" + scan + "/report").statusCode(), "the coach opens it while logged in");

        HttpResponse<String> logout = tablet.postForm("/logout",
                Map.of("_csrf", List.of(Http.csrfOf(tablet.get("/coach").body()))));
        assertEquals(303, logout.statusCode());

        assertNotEquals(200, tablet.get("/scans/" + scan + "/report").statusCode());
        assertNotEquals(200, tablet.get("/scans/" + scan + "/report.pdf").statusCode());
    }

    @Test
    void logoutExpiresTheSessionAndTheScanCookiesAndClearsTheSiteData() {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http tablet = new Http(server.getURI());
        assertEquals(303, tablet.login(coach, PASSWORD).statusCode());
        String csrf = Http.csrfOf(tablet.get("/coach").body());
        tablet.plantCookie("gl_scan_4711", "een-oud-token");

        HttpResponse<String> logout = tablet.postForm("/logout", Map.of("_csrf", List.of(csrf)));

        assertEquals(303, logout.statusCode());
        List<String> cookies = logout.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("SESSION=;") && c.contains("Max-Age=0")
                && c.contains("Path=/")), cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("gl_scan_4711=;") && c.contains("Max-Age=0")
                && c.contains("Path=/scans/4711")), cookies.toString());
        assertEquals("\"cookies\"", logout.headers().firstValue("Clear-Site-Data").orElse(null));
        assertEquals(null, tablet.cookie("SESSION"), "the browser dropped the session cookie");
    }
}
