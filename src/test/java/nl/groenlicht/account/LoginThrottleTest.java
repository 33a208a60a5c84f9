package nl.groenlicht.account;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login throttling (issue 16, M-8 and L-10): failures count per (account, address) with a growing wait, so that
 * nobody locks a colleague out from their own address; one address and one account have overall limits besides; and
 * parallel guesses get no more password checks than the limits allow. The client address comes from X-Forwarded-For,
 * believed because this test names the loopback address as the trusted proxy.
 */
@MicronautTest(transactional = false)
@Property(name = "groenlicht.trusted-proxies", value = "127.0.0.1")
@Property(name = "groenlicht.login.max-failures-per-address", value = "20")
@Property(name = "groenlicht.login.max-failures-per-account", value = "30")
class LoginThrottleTest {

    private static final String PASSWORD = "drempel-wachtwoord-77";

    /** Static: the context makes the clock bean once, while JUnit makes a test instance per test. */
    private static final TestClock CLOCK = new TestClock(Instant.now());

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    /** The test classes share one database: sessions from this test's future would be the newest for the others. */
    @AfterEach
    void removeSessionsFromTheFuture() {
        database.update("DELETE FROM http_session WHERE created_at > ?", Timestamp.from(Instant.now()));
    }

    @Test
    void failuresFromOneAddressDoNotLockTheCoachOutOfAnotherAddress() {
        String coach = newCoach(server.getURI(), PASSWORD);
        String attacker = newAddress();
        for (int i = 0; i < LoginThrottle.FAILURES_PER_PAIR; i++) {
            assertEquals(400, login(coach, "geraden-" + i, attacker).statusCode());
        }
        HttpResponse<String> refused = login(coach, PASSWORD, attacker);
        assertEquals(429, refused.statusCode(), "the guessing address waits, even with the right password");
        assertTrue(refused.body().contains("Te veel mislukte pogingen"), refused.body());
        assertEquals(303, login(coach, PASSWORD, newAddress()).statusCode(), "the coach elsewhere logs in");
    }

    @Test
    void throttledBasicLoginsAnswer429() {
        String coach = newCoach(server.getURI(), PASSWORD);
        String attacker = newAddress();
        for (int i = 0; i < LoginThrottle.FAILURES_PER_PAIR; i++) {
            assertEquals(401, api(coach, "geraden-" + i, attacker).statusCode());
        }
        assertEquals(429, api(coach, PASSWORD, attacker).statusCode());
        assertEquals(200, api(coach, PASSWORD, newAddress()).statusCode());
    }

    @Test
    void aPairThatKeepsFailingWaitsTwiceAsLongEachTime() {
        String coach = newCoach(server.getURI(), PASSWORD);
        String address = newAddress();
        Instant start = CLOCK.instant();
        failUntilRefused(coach, address);
        CLOCK.set(start.plusSeconds(59));
        assertEquals(429, login(coach, PASSWORD, address).statusCode(), "waits a minute");
        CLOCK.set(start.plusSeconds(61));
        failUntilRefused(coach, address);
        CLOCK.set(start.plusSeconds(61 + 119));
        assertEquals(429, login(coach, PASSWORD, address).statusCode(), "then two minutes");
        CLOCK.set(start.plusSeconds(61 + 121));
        assertEquals(303, login(coach, PASSWORD, address).statusCode(), "and then the right password works");
        failUntilRefused(coach, address);
        CLOCK.set(start.plusSeconds(61 + 121 + 61));
        assertEquals(303, login(coach, PASSWORD, address).statusCode(), "a login started the wait afresh");
    }

    @Test
    void oneAddressGetsALimitedNumberOfFailuresWhateverTheAccounts() {
        String coach = newCoach(server.getURI(), PASSWORD);
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            assertEquals(400, login("onbekend-" + UUID.randomUUID() + "@groenlicht.test", PASSWORD, address)
                    .statusCode());
        }
        assertEquals(429, login(coach, PASSWORD, address).statusCode());
        // A second more: the database keeps microseconds, and may round the window's start up.
        CLOCK.set(CLOCK.instant().plus(LoginThrottle.WINDOW).plusSeconds(1));
        assertEquals(303, login(coach, PASSWORD, address).statusCode(), "after the window the address may try again");
    }

    @Test
    void guessesSpreadOverManyAddressesMeetTheAccountsCeiling() {
        String coach = newCoach(server.getURI(), PASSWORD);
        for (int i = 0; i < 30; i++) {
            assertEquals(400, login(coach, "geraden-" + i, newAddress()).statusCode());
        }
        assertEquals(429, login(coach, PASSWORD, newAddress()).statusCode());
    }

    @Test
    void parallelWrongLoginsGetNoMorePasswordChecksThanTheLimit() throws Exception {
        String coach = newCoach(server.getURI(), PASSWORD);
        String address = newAddress();
        int attempts = 30;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch ready = new CountDownLatch(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String guess = "parallel-" + i;
                statuses.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return api(coach, guess, address).statusCode();
                }));
            }
            ready.await();
            start.countDown();
            int refused = 0;
            for (Future<Integer> status : statuses) {
                refused += status.get() == 429 ? 1 : 0;
            }
            assertEquals(attempts - LoginThrottle.FAILURES_PER_PAIR, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(LoginThrottle.FAILURES_PER_PAIR, database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor = ?", coach));
    }

    private void failUntilRefused(String coach, String address) {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_PAIR; i++) {
            assertEquals(400, login(coach, "geraden-" + i, address).statusCode());
        }
        assertEquals(429, login(coach, PASSWORD, address).statusCode());
    }

    private HttpResponse<String> login(String email, String password, String address) {
        Http browser = new Http(server.getURI());
        String csrf = Http.csrfOf(browser.get("/login", "X-Forwarded-For", address).body());
        return browser.post("/login", "application/x-www-form-urlencoded", "_csrf=" + encode(csrf) + "&email="
                + encode(email) + "&password=" + encode(password), "X-Forwarded-For", address);
    }

    private HttpResponse<String> api(String email, String password, String address) {
        return new Http(server.getURI()).get("/api/organisations", "Authorization", Http.basic(email, password),
                "X-Forwarded-For", address);
    }

    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
