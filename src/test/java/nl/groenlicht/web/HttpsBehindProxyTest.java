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
import java.util.List;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a trusted TLS proxy (issue 16, M-3): every cookie the portal sets is Secure, the CSRF cookie has the
 * {@code __Host-} name, and HSTS is sent. The cookies are sent back by hand: over the test's plain HTTP a cookie jar
 * would keep Secure cookies to itself.
 */
@MicronautTest(transactional = false)
@Property(name = "groenlicht.trusted-proxies", value = "127.0.0.1")
class HttpsBehindProxyTest {

    private static final String[] HTTPS = {"X-Forwarded-Proto", "https"};

    @Inject
    EmbeddedServer server;

    private static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private static void assertAllSecure(HttpResponse<?> response) {
        assertTrue(!setCookies(response).isEmpty(), "sets a cookie");
        setCookies(response).forEach(cookie -> assertTrue(cookie.contains("; Secure"), cookie));
        assertEquals("max-age=31536000; includeSubDomains",
                response.headers().firstValue("Strict-Transport-Security").orElse(null));
    }

    private static String value(HttpResponse<?> response, String name) {
        return setCookies(response).stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void everyCookieIsSecureAndHstsIsSentOverHttps() {
        Http browser = new Http(server.getURI());
        HttpResponse<String> loginPage = browser.get("/login?lang=en", HTTPS);
        assertAllSecure(loginPage);
        String visitor = value(loginPage, "__Host-gl_csrf");
        assertTrue(setCookies(loginPage).stream().anyMatch(c -> c.startsWith("gl_lang=")), "the language cookie too");

        String form = "_csrf=" + Http.csrfOf(loginPage.body()) + "&email=" + URLEncoder.encode(ADMIN, StandardCharsets.UTF_8)
                + "&password=" + ADMIN_PASSWORD;
        HttpResponse<String> login = browser.post("/login", "application/x-www-form-urlencoded", form,
                "X-Forwarded-Proto", "https", "Cookie", "__Host-gl_csrf=" + visitor);
        assertEquals(303, login.statusCode(), "the __Host- cookie carries the CSRF value");
        assertAllSecure(login);
        value(login, "SESSION");

        HttpResponse<String> started = browser.post("/api/scans", "application/json",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Veilig BV\",\"clientSites\":\"no\"}}", HTTPS);
        assertEquals(201, started.statusCode(), started.body());
        String token = started.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> resumed = browser.get("/resume/" + token, HTTPS);
        assertEquals(303, resumed.statusCode());
        assertAllSecure(resumed);
    }
}
