package nl.groenlicht.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the portal on one database, as behind a load balancer: a coach logged in on one is logged in on
 * the other, a logout on one ends the session on both, failed logins count on both, and answers written through
 * both at once are all kept.
 */
@MicronautTest(transactional = false)
@Property(name = "groenlicht.csrf.secret", value = TwoInstancesTest.CSRF_SECRET)
class TwoInstancesTest {

    /** Every instance signs CSRF tokens with the same secret, as the README asks of a deployment. */
    static final String CSRF_SECRET = "twee-instanties-een-geheim";

    private static final String PASSWORD = "twee-instanties-wachtwoord";

    @Inject
    EmbeddedServer first;
    @Inject
    Database database;
    @Inject
    QuestionnaireCatalog catalog;

    private EmbeddedServer second;

    @BeforeEach
    void startSecondInstance() {
        second = ApplicationContext.run(EmbeddedServer.class, Map.of("groenlicht.csrf.secret", CSRF_SECRET), "test");
    }

    @AfterEach
    void stopSecondInstance() {
        second.getApplicationContext().close();
    }

    private static String on(EmbeddedServer server, String path) {
        return server.getURI().resolve(path).toString();
    }

    @Test
    void aFormFromOneInstanceIsAcceptedByTheOther() {
        String coach = newCoach(first.getURI(), PASSWORD);
        Http browser = new Http(first.getURI());
        String csrf = Http.csrfOf(browser.get(on(first, "/login")).body());
        HttpResponse<String> login = browser.postForm(on(second, "/login"),
                Map.of("_csrf", List.of(csrf), "email", List.of(coach), "password", List.of(PASSWORD)));
        assertEquals(303, login.statusCode(), "the login page of the first, the login on the second");
    }

    @Test
    void aCoachLoggedInOnOneInstanceContinuesOnTheOther() {
        String coach = newCoach(first.getURI(), PASSWORD);
        Http browser = new Http(first.getURI());
        assertEquals(303, browser.login(coach, PASSWORD).statusCode());

        HttpResponse<String> elsewhere = browser.get(on(second, "/coach"));
        assertEquals(200, elsewhere.statusCode(), "the second instance knows the session");
        assertTrue(elsewhere.body().contains(coach));

        HttpResponse<String> logout = browser.postForm(on(second, "/logout"),
                Map.of("_csrf", List.of(Http.csrfOf(elsewhere.body()))));
        assertEquals(303, logout.statusCode());
        HttpResponse<String> afterwards = browser.get(on(first, "/coach"));
        assertTrue(afterwards.statusCode() == 303 || afterwards.statusCode() == 302, "logged out on both: "
                + afterwards.statusCode());
    }

    @Test
    void failedLoginsCountOnBothInstances() {
        String coach = newCoach(first.getURI(), PASSWORD);
        Http onFirst = new Http(first.getURI());
        Http onSecond = new Http(second.getURI());
        for (int i = 0; i < LoginThrottle.FAILURES_PER_PAIR; i++) {
            assertEquals(400, (i % 2 == 0 ? onFirst : onSecond).login(coach, "geraden-" + i).statusCode());
        }
        assertEquals(429, onFirst.login(coach, PASSWORD).statusCode());
        assertEquals(429, onSecond.login(coach, PASSWORD).statusCode());
    }

    @Test
    void answersWrittenThroughBothInstancesAtOnceAreAllKept() throws Exception {
        Http api = new Http(first.getURI());
        HttpResponse<String> started = api.post("/api/scans", "application/json",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"Twee BV\"}}");
        assertEquals(201, started.statusCode(), started.body());
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(started.body());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(started.body());
        assertTrue(id.find() && token.find());
        long scanId = Long.parseLong(id.group(1));
        long before = database.answers(scanId);

        List<Item> items = catalog.current().sections().stream().flatMap(s -> s.scoredItems().stream()).toList();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> saves = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                URI instance = (i % 2 == 0 ? first : second).getURI();
                saves.add(clients.submit(() -> new Http(instance).put("/api/scans/" + scanId + "/answers",
                        "{\"answers\":{\"" + item.id() + "\":\"" + Options.best(item) + "\"}}",
                        "X-Scan-Token", token.group(1)).statusCode()));
            }
            for (Future<Integer> save : saves) {
                assertEquals(200, save.get());
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(before + items.size(), database.answers(scanId), "every acknowledged answer is stored");
    }
}
