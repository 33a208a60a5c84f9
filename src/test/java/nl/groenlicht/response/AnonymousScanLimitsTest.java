package nl.groenlicht.response;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.TestClock;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One client cannot fill the disk with anonymous scans (security review H-2): starts are limited per client address
 * and in all, per window, in the database. The test client is the trusted proxy, so X-Forwarded-For names the client.
 */
@MicronautTest(transactional = false)
@Property(name = "groenlicht.trusted-proxies", value = "127.0.0.1")
@Property(name = "groenlicht.limits.self-assessments-per-address", value = "3")
@Property(name = "groenlicht.limits.self-assessments-in-all", value = "5")
@Property(name = "groenlicht.limits.self-assessment-window", value = "10m")
class AnonymousScanLimitsTest {

    private static final String PROFILE = "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Limiet BV\"}}";
    private static final TestClock CLOCK = new TestClock(Instant.parse("2031-03-02T09:00:00Z"));

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    private HttpResponse<String> startThroughApi(Http http, String client) {
        return http.post("/api/scans", "application/json", PROFILE, "X-Forwarded-For", client);
    }

    private long scans() {
        return database.count("SELECT COUNT(*) FROM scan");
    }

    @Test
    void theFourthScanFromOneAddressInAWindowIsRefusedWith429AndNothingStored() {
        CLOCK.set(Instant.parse("2031-03-02T09:01:00Z"));
        Http http = new Http(server.getURI());
        for (int i = 0; i < 3; i++) {
            assertEquals(201, startThroughApi(http, "203.0.113.1").statusCode());
        }
        long before = scans();
        HttpResponse<String> refused = startThroughApi(http, "203.0.113.1");
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Too many scans were started from this address"), refused.body());
        assertEquals("540", refused.headers().firstValue("Retry-After").orElse(""), "9 minutes until the window ends");
        assertEquals(before, scans(), "nothing of a refused start is stored");
        assertEquals(201, startThroughApi(http, "203.0.113.99").statusCode(), "another address has its own limit");

        CLOCK.set(Instant.parse("2031-03-02T09:10:00Z"));
        assertEquals(201, startThroughApi(http, "203.0.113.1").statusCode(), "a new window, a new count");
    }

    @Test
    void addressesWrittenByTheClientItselfDoNotEscapeTheLimit() {
        CLOCK.set(Instant.parse("2031-03-02T10:01:00Z"));
        Http http = new Http(server.getURI());
        for (int i = 0; i < 3; i++) {
            assertEquals(201, startThroughApi(http, "198.51.100." + i + ", 203.0.113.2").statusCode());
        }
        assertEquals(429, startThroughApi(http, "198.51.100.77, 203.0.113.2").statusCode(),
                "only the address the trusted proxy saw counts");
    }

    @Test
    void startsFromManyAddressesStopAtTheOverallLimit() {
        CLOCK.set(Instant.parse("2031-03-02T11:01:00Z"));
        Http http = new Http(server.getURI());
        for (int i = 0; i < 5; i++) {
            assertEquals(201, startThroughApi(http, "192.0.2." + i).statusCode());
        }
        assertEquals(429, startThroughApi(http, "192.0.2.100").statusCode());
    }

    @Test
    void theStartPageRefusedByTheLimitKeepsWhatWasTypedAndSaysWhenToTryAgain() {
        CLOCK.set(Instant.parse("2031-03-02T12:05:30Z"));
        Http http = new Http(server.getURI());
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            String csrf = Http.csrfOf(http.get("/scans/new").body());
            last = http.post("/scans", "application/x-www-form-urlencoded", "_csrf=" + csrf
                    + "&organisationName=" + URLEncoder.encode("Bakkerij <De Limiet>", StandardCharsets.UTF_8)
                    + "&sector=care-welfare&action=next", "X-Forwarded-For", "203.0.113.3");
            assertEquals(i < 3 ? 303 : 429, last.statusCode(), "start " + (i + 1));
        }
        String page = last.body();
        assertTrue(page.contains("te veel scans gestart"), page);
        assertTrue(page.contains("over 5 minuten opnieuw"), "4.5 minutes left, rounded up");
        assertTrue(page.contains("value=\"Bakkerij &lt;De Limiet&gt;\""), "what was typed, escaped");
        assertTrue(page.contains("class=\"error-summary\""), "the error summary at the top");
        assertEquals(String.valueOf(Duration.ofSeconds(270).toSeconds()), last.headers().firstValue("Retry-After")
                .orElse(""));
    }
}
