package nl.groenlicht.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The private links that the portal shows (resume and invitation) start with the configured public address, whatever
 * a client writes in X-Forwarded-Host or Forwarded: such a link is handed on to an employer, and a forged host would
 * send its token to someone else's server (issue 16, L-3).
 */
@MicronautTest(transactional = false)
@Property(name = "groenlicht.public-base-url", value = PublicBaseUrlTest.BASE_URL + "/")
class PublicBaseUrlTest {

    static final String BASE_URL = "https://werkplekscan.example.nl";
    private static final String[] FORGED = {"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
            "Forwarded", "host=evil2.example;proto=https"};
    private static final Pattern SCAN_ID = Pattern.compile("/scans/(\\d+)/");
    private static final String PASSWORD = "links-wachtwoord-123";

    @Inject
    EmbeddedServer server;

    private static String linkIn(String html, String id) {
        Matcher link = Pattern.compile("id=\"" + id + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertTrue(link.find(), html);
        return link.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    @Test
    void theResumeLinkStartsWithTheConfiguredAddress() {
        Http browser = new Http(server.getURI());
        String csrf = Http.csrfOf(browser.get("/scans/new").body());
        HttpResponse<String> created = browser.post("/scans", "application/x-www-form-urlencoded", form("_csrf", csrf,
                "organisationName", "Link BV", "sector", "care-welfare", "clientSites", "no", "action", "next"), FORGED);
        assertEquals(303, created.statusCode(), created.body());
        Matcher id = SCAN_ID.matcher(Http.location(created));
        assertTrue(id.find());

        String saved = browser.get("/scans/" + id.group(1) + "/saved", FORGED).body();
        assertTrue(linkIn(saved, "resume-link").startsWith(BASE_URL + "/resume/"), saved);
    }

    @Test
    void theInvitationLinkStartsWithTheConfiguredAddress() {
        String coach = newCoach(server.getURI(), PASSWORD);
        Http api = new Http(server.getURI());
        String basic = Http.basic(coach, PASSWORD);
        String organisation = api.post("/api/organisations", "application/json", "{\"name\":\"Uitnodiging BV\"}",
                "Authorization", basic).body().replaceAll("\\D*(\\d+).*", "$1");
        String site = api.post("/api/organisations/" + organisation + "/sites", "application/json",
                "{\"name\":\"Kantoor\",\"kind\":\"LOCATION\"}", "Authorization", basic).body().replaceAll("\\D*(\\d+).*", "$1");
        Http tablet = new Http(server.getURI());
        assertEquals(303, tablet.login(coach, PASSWORD).statusCode());
        String sitePath = "/coach/organisations/" + organisation + "/sites/" + site;
        String csrf = Http.csrfOf(tablet.get(sitePath).body());

        HttpResponse<String> invitation = tablet.post(sitePath + "/invitations", "application/x-www-form-urlencoded",
                form("_csrf", csrf), FORGED);
        assertEquals(200, invitation.statusCode(), invitation.body());
        assertTrue(linkIn(invitation.body(), "invitation-link").startsWith(BASE_URL + "/resume/"), invitation.body());
    }
}
